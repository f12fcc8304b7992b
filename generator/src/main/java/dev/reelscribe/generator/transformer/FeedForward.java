package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.Dense;
import dev.reelscribe.generator.nn.Layers;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * diffusers' {@code FeedForward} with {@code gelu-approximate}: {@code net.0.proj} ({@code D → 4D})
 * then GELU (tanh), dropout ({@code net.1}), {@code net.2} ({@code 4D → D}), dropout
 * ({@code final_dropout}, as {@code CogVideoXBlock} builds it).
 */
final class FeedForward extends ShapedBlock {
  private final Dense in;
  private final Dense out;
  private final float dropout;

  FeedForward(long width, float dropout) {
    this.dropout = dropout;
    Layers<Block> net = addChildBlock("net", new Layers<>());
    GeluProjection gelu = new GeluProjection(width, 4 * width);
    net.add("0", gelu);
    in = gelu.proj;
    out = Dense.xavier(4 * width, width, true);
    net.add("2", out);
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray h = Activations.dropout(Activations.geluTanh(in.apply(ps, x, training)), dropout, training);
    return Activations.dropout(out.apply(ps, h, training), dropout, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }

  /** diffusers' {@code GELU} module: a projection named {@code proj}, then the activation. */
  static final class GeluProjection extends ShapedBlock {
    final Dense proj;

    GeluProjection(long in, long out) {
      proj = addChildBlock("proj", Dense.xavier(in, out, true));
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      return new NDList(Activations.geluTanh(proj.apply(ps, inputs.head(), training)));
    }
  }
}
