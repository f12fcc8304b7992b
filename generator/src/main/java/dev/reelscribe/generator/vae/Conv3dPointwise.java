package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Init;
import dev.reelscribe.generator.nn.ShapedBlock;

/** A {@code 1×1×1} 3D convolution ({@code CogVideoXSafeConv3d}, the ResNet shortcut when channels change). */
final class Conv3dPointwise extends ShapedBlock {
  private final Parameter weight;
  private final Parameter bias;

  Conv3dPointwise(long in, long out) {
    weight = parameter("weight", Init.fanIn(out, in, 1, 1, 1), out, in, 1, 1, 1);
    bias = parameter("bias", Init.fanIn(out, in, 1, 1, 1), out);
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    return Conv3d.conv3d(x, value(ps, weight, x, training), value(ps, bias, x, training), new Shape(1, 1, 1),
        new Shape(0, 0, 0)).head();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
