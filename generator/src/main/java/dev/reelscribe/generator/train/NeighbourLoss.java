package dev.reelscribe.generator.train;

import ai.djl.ndarray.NDArray;

/**
 * The transformer's extra loss terms: the squared error of the difference between neighbouring
 * latent cells, in time ({@link #motion}) or in space ({@link #outline}). Between neighbours
 * {@code Δ(prediction) − Δ(target) = Δ(error)}, so an error that is the same in both cells costs
 * nothing, and what is left is what changes from cell to cell:
 *
 * <ul>
 *   <li>in time, an object drawn in place instead of moving costs its whole motion, while a
 *       background a shade off in every frame costs nothing;
 *   <li>in space, an object's edge drawn in the wrong place or smeared — a round blob where a
 *       triangle's corners are — costs the whole edge, while a region a shade off costs only at its
 *       border. This is the gradient-difference loss of Mathieu et al. (2016, "Deep multi-scale video
 *       prediction beyond mean square error"), squared here: its minimiser is still the mean the main
 *       term asks for, so it changes what an underfitted model gets right first (outlines before
 *       texture), not what a perfect model predicts.
 * </ul>
 *
 * A pair of cells weighs what the heavier of the two weighs in the main term (object cells weighted
 * up), normalised to a mean weight of 1. The VAE has its own spatial term on pixels ({@link
 * #pixelOutline}), absolute rather than squared beside its L1 reconstruction term.
 */
final class NeighbourLoss {
  private NeighbourLoss() {}

  /**
   * The frame-to-frame term.
   *
   * @param error prediction − target, {@code [B, F, C, H, W]} with {@code F ≥ 2}
   * @param weights per-cell weights {@code [B, F, 1, H, W]}
   * @return the scalar loss
   */
  static NDArray motion(NDArray error, NDArray weights) {
    return along(error, weights, 1, true);
  }

  /**
   * The cell-to-cell term within each frame: the mean of the horizontal and the vertical one.
   *
   * @param error prediction − target, {@code [B, F, C, H, W]} with {@code H, W ≥ 2}
   * @param weights per-cell weights {@code [B, F, 1, H, W]}
   * @return the scalar loss
   */
  static NDArray outline(NDArray error, NDArray weights) {
    return along(error, weights, 3, true).add(along(error, weights, 4, true)).div(2f);
  }

  /**
   * The VAE's cell-to-cell term on pixels: the mean absolute error of neighbouring pixels' difference,
   * horizontally and vertically, to sit beside the VAE's L1 reconstruction term.
   *
   * @param error reconstruction − video, {@code [B, 3, T, H, W]}
   * @param weights per-pixel weights {@code [B, 1, T, H, W]}
   */
  static NDArray pixelOutline(NDArray error, NDArray weights) {
    return along(error, weights, 3, false).add(along(error, weights, 4, false)).div(2f);
  }

  private static NDArray along(NDArray error, NDArray weights, int axis, boolean squared) {
    String later = slice(axis, "1:");
    String earlier = slice(axis, ":-1");
    NDArray change = error.get(later).sub(error.get(earlier));
    NDArray pairWeights = weights.get(later).maximum(weights.get(earlier));
    NDArray cost = squared ? change.square() : change.abs();
    return cost.mul(pairWeights).mean().div(pairWeights.mean());
  }

  /** An index that takes {@code range} on {@code axis} and everything on the axes before it. */
  private static String slice(int axis, String range) {
    return ":, ".repeat(axis) + range;
  }
}
