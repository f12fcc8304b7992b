package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A 2D convolution of {@code [N, in, H, W]}, as {@code torch.nn.Conv2d}: weight {@code [out, in, k, k]}, bias {@code [out]}. */
public final class Conv2dLayer extends ShapedBlock {
  private final int stride;
  private final int padding;
  private final Parameter weight;
  private final Parameter bias;

  public Conv2dLayer(long in, long out, int kernel, int stride, int padding) {
    this.stride = stride;
    this.padding = padding;
    weight = parameter("weight", Init.fanIn(out, in, kernel, kernel), out, in, kernel, kernel);
    bias = parameter("bias", Init.fanIn(out, in, kernel, kernel), out);
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return Conv2d.conv2d(x, value(ps, weight, x, training), value(ps, bias, x, training), new Shape(stride, stride),
        new Shape(padding, padding)).head();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
