package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Layer normalisation over the last axis, as {@code torch.nn.LayerNorm(width, eps, elementwise_affine)}. */
public final class Norm extends ShapedBlock {
  private final long width;
  private final float eps;
  private final Parameter weight;
  private final Parameter bias;

  public Norm(long width, float eps, boolean affine) {
    this.width = width;
    this.eps = eps;
    weight = affine ? parameter("weight", Init.ONES, width) : null;
    bias = affine ? parameter("bias", Init.ZEROS, width) : null;
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    if (weight == null) {
      NDArray mean = x.mean(new int[] {-1}, true);
      NDArray centred = x.sub(mean);
      NDArray var = centred.square().mean(new int[] {-1}, true);
      return centred.div(var.add(eps).sqrt());
    }
    return LayerNorm.layerNorm(x, new Shape(width), value(ps, weight, x, training), value(ps, bias, x, training), eps)
        .head();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
