package dev.reelscribe.generator.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The configuration of a {@code CogVideoXTransformer3DModel}, field for field as diffusers names it in
 * a checkpoint's {@code transformer/config.json}, so a converted checkpoint's configuration reads as
 * is. Only CogVideoX 1.0's design is supported: patches in space only, GELU (tanh) feed-forward, SiLU
 * time embedding, sin-cos (2B) or rotary (5B) positions.
 *
 * <pre>{@code
 * TransformerConfig twoB = TransformerConfig.cogVideoX2b();   // 30 layers, 30 heads x 64, 1.69 B parameters
 * TransformerConfig tiny = TransformerConfig.tiny();          // the built-in generator's configuration
 * }</pre>
 *
 * @param numAttentionHeads heads of every attention layer
 * @param attentionHeadDim width of a head; the model width is heads x head dim
 * @param inChannels latent channels in
 * @param outChannels latent channels out
 * @param flipSinToCos the time sinusoid is {@code [cos | sin]} (true in every CogVideoX)
 * @param freqShift the time sinusoid's frequency shift (0)
 * @param timeEmbedDim width E of the time embedding that drives every adaptive norm
 * @param textEmbedDim width of the text encoder's hidden states (4096 for T5-XXL)
 * @param numLayers transformer blocks
 * @param dropout dropout of the embedding, the attention output and the feed-forward
 * @param attentionBias whether the q/k/v projections have a bias
 * @param sampleWidth latent width the positional table is made for
 * @param sampleHeight latent height the positional table is made for
 * @param sampleFrames pixel frames the positional table is made for (4(K-1)+1 for K latents)
 * @param patchSize spatial patch side
 * @param temporalCompressionRatio the VAE's time compression, to turn {@code sampleFrames} into latents
 * @param maxTextSeqLength text tokens (padded or truncated to this)
 * @param normElementwiseAffine whether the layer norms have a learned weight and bias
 * @param normEps layer-norm epsilon
 * @param spatialInterpolationScale sin-cos positions divide x and y by this
 * @param temporalInterpolationScale sin-cos positions divide t by this
 * @param useRotaryPositionalEmbeddings 3D RoPE on video queries and keys (5B) instead of sin-cos (2B)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TransformerConfig(
    @JsonProperty("num_attention_heads") int numAttentionHeads,
    @JsonProperty("attention_head_dim") int attentionHeadDim,
    @JsonProperty("in_channels") int inChannels,
    @JsonProperty("out_channels") int outChannels,
    @JsonProperty("flip_sin_to_cos") boolean flipSinToCos,
    @JsonProperty("freq_shift") int freqShift,
    @JsonProperty("time_embed_dim") int timeEmbedDim,
    @JsonProperty("text_embed_dim") int textEmbedDim,
    @JsonProperty("num_layers") int numLayers,
    @JsonProperty("dropout") float dropout,
    @JsonProperty("attention_bias") boolean attentionBias,
    @JsonProperty("sample_width") int sampleWidth,
    @JsonProperty("sample_height") int sampleHeight,
    @JsonProperty("sample_frames") int sampleFrames,
    @JsonProperty("patch_size") int patchSize,
    @JsonProperty("temporal_compression_ratio") int temporalCompressionRatio,
    @JsonProperty("max_text_seq_length") int maxTextSeqLength,
    @JsonProperty("norm_elementwise_affine") boolean normElementwiseAffine,
    @JsonProperty("norm_eps") float normEps,
    @JsonProperty("spatial_interpolation_scale") float spatialInterpolationScale,
    @JsonProperty("temporal_interpolation_scale") float temporalInterpolationScale,
    @JsonProperty("use_rotary_positional_embeddings") boolean useRotaryPositionalEmbeddings) {

  public TransformerConfig {
    positive("num_attention_heads", numAttentionHeads);
    positive("attention_head_dim", attentionHeadDim);
    positive("in_channels", inChannels);
    positive("out_channels", outChannels);
    positive("time_embed_dim", timeEmbedDim);
    positive("text_embed_dim", textEmbedDim);
    positive("num_layers", numLayers);
    positive("patch_size", patchSize);
    positive("temporal_compression_ratio", temporalCompressionRatio);
    positive("max_text_seq_length", maxTextSeqLength);
    if (sampleWidth % patchSize != 0 || sampleHeight % patchSize != 0) {
      throw new IllegalArgumentException("sample_width and sample_height must be multiples of patch_size " + patchSize
          + ", got " + sampleWidth + "x" + sampleHeight);
    }
    if ((sampleFrames - 1) % temporalCompressionRatio != 0) {
      throw new IllegalArgumentException("sample_frames must be " + temporalCompressionRatio + "k+1, got " + sampleFrames);
    }
    if (innerDimOf(numAttentionHeads, attentionHeadDim) % 8 != 0 || attentionHeadDim % 8 != 0) {
      throw new IllegalArgumentException("the width and the head dimension must be multiples of 8 (positions split them "
          + "1/4 : 3/8 : 3/8 over time, height and width)");
    }
    if (dropout < 0 || dropout >= 1) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
  }

  private static int innerDimOf(int heads, int headDim) {
    return heads * headDim;
  }

  private static void positive(String name, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** The model width D: heads x head dimension. */
  public int innerDim() {
    return numAttentionHeads * attentionHeadDim;
  }

  /** Latent frames the positional table covers. */
  public int latentFrames() {
    return (sampleFrames - 1) / temporalCompressionRatio + 1;
  }

  /** This configuration with another depth and number of heads (the head width kept). */
  public TransformerConfig withLayersAndHeads(int layers, int heads) {
    return new TransformerConfig(heads, attentionHeadDim, inChannels, outChannels, flipSinToCos, freqShift,
        timeEmbedDim, textEmbedDim, layers, dropout, attentionBias, sampleWidth, sampleHeight, sampleFrames, patchSize,
        temporalCompressionRatio, maxTextSeqLength, normElementwiseAffine, normEps, spatialInterpolationScale,
        temporalInterpolationScale, useRotaryPositionalEmbeddings);
  }

  /** CogVideoX-2B as diffusers ships it (THUDM/CogVideoX-2b, transformer/config.json). */
  public static TransformerConfig cogVideoX2b() {
    return new TransformerConfig(30, 64, 16, 16, true, 0, 512, 4096, 30, 0f, true, 90, 60, 49, 2, 4, 226, true, 1e-5f,
        1.875f, 1f, false);
  }

  /** CogVideoX-5B as diffusers ships it (THUDM/CogVideoX-5b, transformer/config.json). */
  public static TransformerConfig cogVideoX5b() {
    return new TransformerConfig(48, 64, 16, 16, true, 0, 512, 4096, 42, 0f, true, 90, 60, 49, 2, 4, 226, true, 1e-5f,
        1.875f, 1f, true);
  }

  /**
   * The built-in generator: 4 layers of width 128 (4 heads of 32), 3D RoPE as in the 5B, over the
   * latents of {@link VaeConfig#tiny()} (16 channels, 16x16 for 64x64 frames, 17 frames → 5 latents)
   * and 384-wide MiniLM text states padded to 48 tokens.
   */
  public static TransformerConfig tiny() {
    return new TransformerConfig(4, 32, 16, 16, true, 0, 128, 384, 4, 0f, true, 16, 16, 17, 2, 4, 48, true, 1e-5f,
        1f, 1f, true);
  }
}
