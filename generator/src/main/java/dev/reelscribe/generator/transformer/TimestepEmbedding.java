package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.Dense;
import dev.reelscribe.generator.nn.ShapedBlock;

/** diffusers' {@code TimestepEmbedding}: the step's sinusoid {@code [B, D]} → {@code linear_1} → SiLU → {@code linear_2} → {@code [B, E]}. */
final class TimestepEmbedding extends ShapedBlock {
  private final Dense linear1;
  private final Dense linear2;

  TimestepEmbedding(int in, int out) {
    linear1 = addChildBlock("linear_1", Dense.xavier(in, out, true));
    linear2 = addChildBlock("linear_2", Dense.xavier(out, out, true));
  }

  NDArray apply(ParameterStore ps, NDArray sinusoid, boolean training) {
    return linear2.apply(ps, Activations.silu(linear1.apply(ps, sinusoid, training)), training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
