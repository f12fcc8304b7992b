package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;

/**
 * The VAE's training loss: L1 reconstruction (CogVideoX trains with L1 + LPIPS + KL, then a GAN;
 * no LPIPS network can be downloaded here, so L1 plus a small L2 term stands in for the perceptual
 * part) and the KL divergence of the latent Gaussian from {@code N(0, 1)}, per latent element.
 */
public final class VaeLoss {
  private VaeLoss() {}

  /** {@code mean|x̂ − x| + l2·mean(x̂ − x)² + kl·KL}. */
  public static NDArray of(NDArray reconstruction, NDArray target, NDArray mean, NDArray logvar, float l2, float kl) {
    NDArray diff = reconstruction.sub(target);
    NDArray loss = diff.abs().mean();
    if (l2 > 0) {
      loss = loss.add(diff.square().mean().mul(l2));
    }
    return kl > 0 ? loss.add(kl(mean, logvar).mul(kl)) : loss;
  }

  /** {@code 0.5·mean(μ² + σ² − 1 − log σ²)}. */
  public static NDArray kl(NDArray mean, NDArray logvar) {
    return mean.square().add(logvar.exp()).sub(1).sub(logvar).mean().mul(0.5f);
  }
}
