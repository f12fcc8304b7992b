package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.config.TransformerConfig;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.Dense;
import dev.reelscribe.generator.nn.Layers;
import dev.reelscribe.generator.nn.Norm;
import dev.reelscribe.generator.nn.ShapedBlock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code CogVideoXTransformer3DModel}: the denoiser of CogVideoX, on DJL.
 *
 * <pre>
 * latents [B, F, C, H, W] ── patch_embed (2x2 patches) ──► video tokens [B, F·H/2·W/2, D]   (+ sin-cos positions in 2B)
 * text states [B, L, text] ── patch_embed.text_proj ────► text tokens  [B, L, D]
 * timestep [B] ── sinusoid ── time_embedding ──► temb [B, E]
 * transformer_blocks × N (expert adaLN, full attention over [text ; video], 3D RoPE in 5B)
 * norm_final → norm_out (adaLN from temb) → proj_out → unpatchify → [B, F, C, H, W]
 * </pre>
 *
 * Inputs of {@link #forward}: {@code latents [B, F, C, H, W]}, {@code text [B, L, text_embed_dim]},
 * {@code timesteps [B]} (float); output the prediction, shaped like the latents. Parameter names
 * ({@link dev.reelscribe.generator.nn.ParameterTree#names}) are diffusers' state-dict keys; the sin-cos
 * table, a buffer in diffusers, is computed here, not stored.
 */
public final class CogVideoXTransformer extends ShapedBlock {
  private final TransformerConfig config;
  private final PatchEmbed patchEmbed;
  private final TimestepEmbedding timeEmbedding;
  private final Layers<CogVideoXBlock> blocks;
  private final Norm normFinal;
  private final Dense normOutLinear;
  private final Norm normOutNorm;
  private final Dense projOut;
  private final Map<String, float[][]> positionCache = new ConcurrentHashMap<>();

  public CogVideoXTransformer(TransformerConfig config) {
    this.config = config;
    long width = config.innerDim();
    patchEmbed = addChildBlock("patch_embed",
        new PatchEmbed(config.inChannels(), width, config.patchSize(), config.textEmbedDim()));
    timeEmbedding = addChildBlock("time_embedding", new TimestepEmbedding((int) width, config.timeEmbedDim()));
    blocks = addChildBlock("transformer_blocks", new Layers<>());
    for (int i = 0; i < config.numLayers(); i++) {
      blocks.add(new CogVideoXBlock(config));
    }
    normFinal = addChildBlock("norm_final", new Norm(width, config.normEps(), config.normElementwiseAffine()));
    NormOut normOut = addChildBlock("norm_out", new NormOut(config.timeEmbedDim(), width, config));
    normOutLinear = normOut.linear;
    normOutNorm = normOut.norm;
    long patchOut = (long) config.patchSize() * config.patchSize() * config.outChannels();
    projOut = addChildBlock("proj_out", Dense.zero(width, patchOut));
  }

  public TransformerConfig config() {
    return config;
  }

  /**
   * The prediction for noisy latents at the given timesteps under the given text states.
   *
   * @param latents {@code [B, F, C, H, W]}, H and W multiples of the patch size
   * @param text {@code [B, L, text_embed_dim]}
   * @param timesteps {@code [B]} DDPM steps in {@code [0, 1000)}, as floats
   */
  public NDArray predict(ParameterStore ps, NDArray latents, NDArray text, NDArray timesteps, boolean training) {
    Shape s = latents.getShape();
    if (s.dimension() != 5 || s.get(2) != config.inChannels()) {
      throw new IllegalArgumentException("latents must be [B, F, " + config.inChannels() + ", H, W], got " + s);
    }
    int p = config.patchSize();
    long b = s.get(0);
    int f = (int) s.get(1);
    int h = (int) s.get(3) / p;
    int w = (int) s.get(4) / p;
    NDManager manager = latents.getManager();

    float[] steps = timesteps.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
    NDArray sinusoid = manager.create(Positions.timestep(steps, config.innerDim(), config.flipSinToCos(),
        config.freqShift()), new Shape(b, config.innerDim()));
    NDArray temb = timeEmbedding.apply(ps, sinusoid, training);

    NDArray video = patchEmbed.video(ps, latents, training);
    NDArray words = patchEmbed.text(ps, text, training);
    NDList rope = null;
    if (config.useRotaryPositionalEmbeddings()) {
      float[][] table = positionCache.computeIfAbsent("rope " + f + "x" + h + "x" + w, k -> {
        Positions.Rotary r = Positions.rotary(f, h, w, config.attentionHeadDim());
        return new float[][] {r.cos(), r.sin()};
      });
      Shape rs = new Shape((long) f * h * w, config.attentionHeadDim());
      rope = new NDList(manager.create(table[0], rs), manager.create(table[1], rs));
    } else {
      float[][] table = positionCache.computeIfAbsent("sincos " + f + "x" + h + "x" + w, k -> new float[][] {
          Positions.sinCos(f, h, w, config.innerDim(), config.spatialInterpolationScale(),
              config.temporalInterpolationScale())});
      video = video.add(manager.create(table[0], new Shape(1, (long) f * h * w, config.innerDim())));
    }
    video = Activations.dropout(video, config.dropout(), training);
    words = Activations.dropout(words, config.dropout(), training);

    for (CogVideoXBlock block : blocks.all()) {
      NDList out = block.apply(ps, video, words, temb, rope, training);
      video = out.get(0);
      words = out.get(1);
    }
    video = normFinal.apply(ps, video, training);
    NDArray mod = normOutLinear.apply(ps, Activations.silu(temb), training).reshape(b, 2, 1, config.innerDim());
    NDList shiftScale = mod.split(2, 1);
    video = normOutNorm.apply(ps, video, training).mul(shiftScale.get(1).squeeze(1).add(1))
        .add(shiftScale.get(0).squeeze(1));
    NDArray patches = projOut.apply(ps, video, training);   // [B, F·h·w, p·p·C]
    long c = config.outChannels();
    return patches.reshape(b, f, h, w, c, p, p).transpose(0, 1, 4, 2, 5, 3, 6).reshape(b, f, c, (long) h * p, (long) w * p);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(predict(ps, inputs.get(0), inputs.get(1), inputs.get(2), training));
  }

  /** diffusers' {@code AdaLayerNorm} at the head: {@code linear} ({@code E → 2D}: shift, scale) and {@code norm}. */
  static final class NormOut extends ShapedBlock {
    final Dense linear;
    final Norm norm;

    NormOut(int timeDim, long width, TransformerConfig c) {
      linear = addChildBlock("linear", Dense.zero(timeDim, 2 * width));
      norm = addChildBlock("norm", new Norm(width, c.normEps(), c.normElementwiseAffine()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      throw new UnsupportedOperationException("run by CogVideoXTransformer");
    }
  }
}
