package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code AutoencoderKLCogVideoX}, the 3D causal VAE: video {@code [B, 3, 4k+1, H, W]} in
 * {@code [-1, 1]} → a diagonal Gaussian over latents {@code [B, latent, k+1, H/s, W/s]} → video.
 * Parameter names are diffusers' ({@code encoder.down_blocks.0.resnets.0.conv1.conv.weight}).
 *
 * <p>{@link #forward} in training takes the video and returns {@code [reconstruction, mean, logvar]}
 * (the reparameterised sample is decoded); {@link VaeLoss} turns them into the loss.
 */
public final class CausalVae extends ShapedBlock {
  private final VaeConfig config;
  private final VaeEncoder encoder;
  private final VaeDecoder decoder;

  public CausalVae(VaeConfig config) {
    this.config = config;
    encoder = addChildBlock("encoder", new VaeEncoder(config));
    decoder = addChildBlock("decoder", new VaeDecoder(config));
  }

  public VaeConfig config() {
    return config;
  }

  /** The latent distribution of a video: {@code [mean, logvar]}, log-variance clamped to {@code [-30, 20]}. */
  public NDList encode(ParameterStore ps, NDArray video, boolean training) {
    checkVideo(video);
    NDArray moments = encoder.apply(ps, video, training);
    NDList parts = moments.split(2, 1);
    return new NDList(parts.get(0), parts.get(1).clip(-30f, 20f));
  }

  /** A reparameterised sample {@code mean + exp(logvar/2)·ε}. */
  public static NDArray sample(NDArray mean, NDArray logvar) {
    NDArray eps = mean.getManager().randomNormal(mean.getShape());
    return mean.add(logvar.mul(0.5f).exp().mul(eps));
  }

  /** Latents → video. */
  public NDArray decode(ParameterStore ps, NDArray latents, boolean training) {
    return decoder.apply(ps, latents, training);
  }

  private void checkVideo(NDArray video) {
    Shape s = video.getShape();
    int sc = config.spatialCompression();
    if (s.dimension() != 5 || s.get(1) != config.inChannels() || (s.get(2) - 1) % config.temporalCompressionRatio() != 0
        || s.get(3) % sc != 0 || s.get(4) % sc != 0) {
      throw new IllegalArgumentException("video must be [B, " + config.inChannels() + ", "
          + config.temporalCompressionRatio() + "k+1, H, W] with H and W multiples of " + sc + ", got " + s);
    }
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList dist = encode(ps, inputs.head(), training);
    NDArray z = training ? sample(dist.get(0), dist.get(1)) : dist.get(0);
    return new NDList(decode(ps, z, training), dist.get(0), dist.get(1));
  }
}
