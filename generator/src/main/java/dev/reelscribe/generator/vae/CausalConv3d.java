package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Init;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXCausalConv3d}: a {@code k×k×k} 3D convolution of {@code [B, C, T, H, W]} that is
 * causal in time. The {@code k−1} frames of time padding all go in front and repeat frame 0, so output
 * frame {@code t} sees input frames {@code ≤ t} only and frame 0 is computed from frame 0 alone;
 * space is zero-padded by {@code k/2}. Its weight is the inner module's ({@code conv.weight}), as in
 * diffusers.
 */
final class CausalConv3d extends ShapedBlock {
  private final int kernel;
  private final Inner conv;

  CausalConv3d(long in, long out, int kernel) {
    this.kernel = kernel;
    conv = addChildBlock("conv", new Inner(in, out, kernel));
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    if (kernel > 1) {
      NDArray first = x.get(new NDIndex(":, :, 0:1"));
      NDArray front = kernel == 2 ? first : first.repeat(2, kernel - 1);
      x = front.concat(x, 2);
    }
    return conv.apply(ps, x, training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }

  /** The plain 3D convolution inside: no time padding, spatial padding {@code k/2}. */
  static final class Inner extends ShapedBlock {
    private final int pad;
    private final Parameter weight;
    private final Parameter bias;

    Inner(long in, long out, int kernel) {
      pad = kernel / 2;
      weight = parameter("weight", Init.fanIn(out, in, kernel, kernel, kernel), out, in, kernel, kernel, kernel);
      bias = parameter("bias", Init.fanIn(out, in, kernel, kernel, kernel), out);
    }

    NDArray apply(ParameterStore ps, NDArray x, boolean training) {
      return Conv3d.conv3d(x, value(ps, weight, x, training), value(ps, bias, x, training), new Shape(1, 1, 1),
          new Shape(0, pad, pad)).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
      return new NDList(apply(ps, inputs.head(), training));
    }
  }
}
