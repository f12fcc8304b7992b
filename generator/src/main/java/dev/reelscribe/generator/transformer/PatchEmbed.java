package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Conv2dLayer;
import dev.reelscribe.generator.nn.Dense;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXPatchEmbed}: each latent frame {@code [C, H, W]} → {@code Conv2d(C→D, k=p, s=p)} →
 * {@code (H/p)·(W/p)} tokens, ordered {@code (t, h, w)}; the text states → {@code Linear(text→D)}.
 */
final class PatchEmbed extends ShapedBlock {
  private final int patch;
  private final long width;
  private final Conv2dLayer proj;
  private final Dense textProj;

  PatchEmbed(int inChannels, long width, int patch, int textDim) {
    this.patch = patch;
    this.width = width;
    proj = addChildBlock("proj", new Conv2dLayer(inChannels, width, patch, patch, 0));
    textProj = addChildBlock("text_proj", Dense.xavier(textDim, width, true));
  }

  /** Latents {@code [B, F, C, H, W]} → video tokens {@code [B, F·H/p·W/p, D]}. */
  NDArray video(ParameterStore ps, NDArray latents, boolean training) {
    Shape s = latents.getShape();
    long b = s.get(0);
    long f = s.get(1);
    NDArray frames = latents.reshape(b * f, s.get(2), s.get(3), s.get(4));
    NDArray patches = proj.apply(ps, frames, training);   // [B·F, D, h, w]
    long h = s.get(3) / patch;
    long w = s.get(4) / patch;
    return patches.reshape(b, f, width, h * w).transpose(0, 1, 3, 2).reshape(b, f * h * w, width);
  }

  /** Text states {@code [B, L, text]} → text tokens {@code [B, L, D]}. */
  NDArray text(ParameterStore ps, NDArray states, boolean training) {
    return textProj.apply(ps, states, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(text(ps, inputs.get(1), training).concat(video(ps, inputs.get(0), training), 1));
  }
}
