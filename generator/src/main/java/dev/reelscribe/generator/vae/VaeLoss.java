package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;

/**
 * The VAE's training loss: L1 reconstruction (CogVideoX trains with L1 + LPIPS + KL, then a GAN;
 * no LPIPS network can be downloaded here, so an L2 term and a per-pixel weight on what stands out
 * from the background stand in for the perceptual part) and the KL divergence of the latent
 * Gaussian from {@code N(0, 1)}, per latent element.
 */
public final class VaeLoss {
  private VaeLoss() {}

  /** {@code mean|x̂ − x| + l2·mean(x̂ − x)² + kl·KL}. */
  public static NDArray of(NDArray reconstruction, NDArray target, NDArray mean, NDArray logvar, float l2, float kl) {
    return of(reconstruction, target, null, mean, logvar, l2, kl);
  }

  /**
   * The same with a per-pixel weight (broadcast to the video; null for none): the reconstruction
   * terms are weighted means, so a weight can make the few pixels of a small object count as much
   * as the background around it, which is what a perceptual loss would do.
   */
  public static NDArray of(NDArray reconstruction, NDArray target, NDArray weight, NDArray mean, NDArray logvar,
      float l2, float kl) {
    NDArray diff = reconstruction.sub(target);
    NDArray abs = diff.abs();
    NDArray sq = diff.square();
    NDArray loss;
    if (weight == null) {
      loss = abs.mean();
      if (l2 > 0) {
        loss = loss.add(sq.mean().mul(l2));
      }
    } else {
      NDArray total = weight.broadcast(diff.getShape()).sum();
      loss = abs.mul(weight).sum().div(total);
      if (l2 > 0) {
        loss = loss.add(sq.mul(weight).sum().div(total).mul(l2));
      }
    }
    return kl > 0 ? loss.add(kl(mean, logvar).mul(kl)) : loss;
  }

  /** {@code 0.5·mean(μ² + σ² − 1 − log σ²)}. */
  public static NDArray kl(NDArray mean, NDArray logvar) {
    return mean.square().add(logvar.exp()).sub(1).sub(logvar).mean().mul(0.5f);
  }
}
