package dev.reelscribe.generator.train;

import ai.djl.ndarray.NDArray;

/**
 * The transformer's second loss term: the squared error of the frame-to-frame change. Between
 * neighbouring latent frames, {@code Δ(prediction) − Δ(target) = Δ(error)}; an error that is the
 * same in every frame (a background a shade off) costs nothing here, while an object drawn in place
 * instead of moving costs its whole motion. A pair of cells weighs what the heavier of the two weighs
 * in the main term (object cells weighted up), normalised to a mean weight of 1.
 */
final class MotionLoss {
  private MotionLoss() {}

  /**
   * @param error prediction − target, {@code [B, F, C, H, W]} with {@code F ≥ 2}
   * @param weights per-cell weights {@code [B, F, 1, H, W]}
   * @return the scalar loss
   */
  static NDArray of(NDArray error, NDArray weights) {
    NDArray change = error.get(":, 1:").sub(error.get(":, :-1"));
    NDArray pairWeights = weights.get(":, 1:").maximum(weights.get(":, :-1"));
    return change.square().mul(pairWeights).mean().div(pairWeights.mean());
  }
}
