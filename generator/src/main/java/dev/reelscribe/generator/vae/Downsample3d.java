package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Conv2dLayer;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXDownsample3D}: optionally halves time (frame 0 kept apart), then every frame
 * through zero-pad (right, bottom) and {@code Conv2d(k3, s2)}: {@code H → H/2}.
 */
final class Downsample3d extends ShapedBlock {
  private final boolean compressTime;
  private final Conv2dLayer conv;

  Downsample3d(long channels, boolean compressTime) {
    this.compressTime = compressTime;
    conv = addChildBlock("conv", new Conv2dLayer(channels, channels, 3, 2, 0));
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    if (compressTime) {
      x = Resample.halveTime(x);
    }
    return Resample.perFrame(x, frames -> conv.apply(ps, frames.pad(new Shape(0, 1, 0, 1), 0), training));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
