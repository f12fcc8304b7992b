package dev.reelscribe.generator.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The configuration of an {@code AutoencoderKLCogVideoX}, as diffusers names it in a checkpoint's
 * {@code vae/config.json}: the 3D causal VAE. Stage {@code i} of the encoder halves height and width
 * unless it is the last, and halves time (keeping frame 0 apart) while {@code i < log2(temporal
 * compression)}; the decoder mirrors it with one more ResNet per stage. {@code 4k+1} frames become
 * {@code k+1} latents.
 *
 * @param inChannels image channels (3)
 * @param outChannels image channels the decoder writes (3)
 * @param blockOutChannels channels of each stage
 * @param latentChannels channels of the Gaussian latent (the encoder writes twice as many: mean, log-variance)
 * @param layersPerBlock ResNets per encoder stage (the decoder has one more)
 * @param normEps GroupNorm epsilon
 * @param normNumGroups GroupNorm groups
 * @param temporalCompressionRatio time compression, a power of two
 * @param sampleHeight the pixel height it was trained at
 * @param sampleWidth the pixel width it was trained at
 * @param scalingFactor the diffusion model sees latents times this
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VaeConfig(
    @JsonProperty("in_channels") int inChannels,
    @JsonProperty("out_channels") int outChannels,
    @JsonProperty("block_out_channels") List<Integer> blockOutChannels,
    @JsonProperty("latent_channels") int latentChannels,
    @JsonProperty("layers_per_block") int layersPerBlock,
    @JsonProperty("norm_eps") float normEps,
    @JsonProperty("norm_num_groups") int normNumGroups,
    @JsonProperty("temporal_compression_ratio") int temporalCompressionRatio,
    @JsonProperty("sample_height") int sampleHeight,
    @JsonProperty("sample_width") int sampleWidth,
    @JsonProperty("scaling_factor") float scalingFactor) {

  public VaeConfig {
    blockOutChannels = List.copyOf(blockOutChannels);
    if (blockOutChannels.isEmpty()) {
      throw new IllegalArgumentException("block_out_channels is empty");
    }
    for (int c : blockOutChannels) {
      if (c <= 0 || c % normNumGroups != 0) {
        throw new IllegalArgumentException("every block_out_channels entry must be a positive multiple of norm_num_groups "
            + normNumGroups + ", got " + blockOutChannels);
      }
    }
    if (Integer.bitCount(temporalCompressionRatio) != 1) {
      throw new IllegalArgumentException("temporal_compression_ratio must be a power of two, got " + temporalCompressionRatio);
    }
    if (temporalLevels(temporalCompressionRatio) > blockOutChannels.size() - 1) {
      throw new IllegalArgumentException("temporal_compression_ratio " + temporalCompressionRatio + " needs more than "
          + (blockOutChannels.size() - 1) + " down-sampling stages");
    }
    if (latentChannels <= 0 || layersPerBlock <= 0 || inChannels <= 0 || outChannels <= 0) {
      throw new IllegalArgumentException("channels and layers_per_block must be positive");
    }
  }

  private static int temporalLevels(int ratio) {
    return Integer.numberOfTrailingZeros(ratio);
  }

  /** Stages that halve time: log2 of the temporal compression. */
  public int temporalLevels() {
    return temporalLevels(temporalCompressionRatio);
  }

  /** Spatial compression: 2 to the number of down-sampling stages. */
  public int spatialCompression() {
    return 1 << (blockOutChannels.size() - 1);
  }

  /** Latent frames for {@code frames} pixel frames ({@code 4k+1 → k+1}). */
  public int latentFrames(int frames) {
    if ((frames - 1) % temporalCompressionRatio != 0) {
      throw new IllegalArgumentException("frames must be " + temporalCompressionRatio + "k+1, got " + frames);
    }
    return (frames - 1) / temporalCompressionRatio + 1;
  }

  /** The same VAE with another time compression (a power of two the stages can reach). */
  public VaeConfig withTemporalCompression(int ratio) {
    return new VaeConfig(inChannels, outChannels, blockOutChannels, latentChannels, layersPerBlock, normEps,
        normNumGroups, ratio, sampleHeight, sampleWidth, scalingFactor);
  }

  /** CogVideoX's VAE (THUDM/CogVideoX-2b, vae/config.json). */
  public static VaeConfig cogVideoX2b() {
    return new VaeConfig(3, 3, List.of(128, 256, 256, 512), 16, 3, 1e-6f, 32, 4, 480, 720, 1.15258426f);
  }

  /**
   * The built-in generator's VAE: stages of 16, 32 and 64 channels (4x in space, 4x in time), 16
   * latent channels as in CogVideoX, one ResNet a stage (two in the decoder), for 64x64 frames.
   * Its GroupNorms (8 groups, so 2 channels a group at the first stage) use eps 1e-4, not
   * CogVideoX's 1e-6: on a crop of plain background a group is nearly constant, and 1e-6 turns that
   * into thousand-fold gradients.
   */
  public static VaeConfig tiny() {
    return new VaeConfig(3, 3, List.of(16, 32, 64), 16, 1, 1e-4f, 8, 4, 64, 64, 1f);
  }
}
