package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.Dense;
import dev.reelscribe.generator.nn.Norm;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXLayerNormZero}, the expert adaptive LayerNorm: one LayerNorm shared by both
 * modalities, then a timestep-conditioned scale, shift and gate for the video tokens and another
 * set for the text tokens, from one zero-initialised {@code Linear(E → 6D)} (adaLN-Zero: every gate
 * starts at 0, so every block starts as the identity).
 */
final class ExpertNormZero extends ShapedBlock {
  /** The modulated video and text tokens and their gates ({@code [B, 1, D]}). */
  record Modulated(NDArray video, NDArray text, NDArray videoGate, NDArray textGate) {}

  private final long width;
  private final Dense linear;
  private final Norm norm;

  ExpertNormZero(int timeDim, long width, float eps, boolean affine) {
    this.width = width;
    linear = addChildBlock("linear", Dense.zero(timeDim, 6 * width));
    norm = addChildBlock("norm", new Norm(width, eps, affine));
  }

  Modulated apply(ParameterStore ps, NDArray video, NDArray text, NDArray temb, boolean training) {
    NDArray m = linear.apply(ps, Activations.silu(temb), training);   // [B, 6D]
    long b = m.getShape().get(0);
    NDList parts = m.reshape(b, 6, 1, width).split(6, 1);
    NDArray shift = parts.get(0).squeeze(1);
    NDArray scale = parts.get(1).squeeze(1);
    NDArray gate = parts.get(2).squeeze(1);
    NDArray textShift = parts.get(3).squeeze(1);
    NDArray textScale = parts.get(4).squeeze(1);
    NDArray textGate = parts.get(5).squeeze(1);
    NDArray v = norm.apply(ps, video, training).mul(scale.add(1)).add(shift);
    NDArray t = norm.apply(ps, text, training).mul(textScale.add(1)).add(textShift);
    return new Modulated(v, t, gate, textGate);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    Modulated m = apply(ps, inputs.get(0), inputs.get(1), inputs.get(2), training);
    return new NDList(m.video(), m.text(), m.videoGate(), m.textGate());
  }
}
