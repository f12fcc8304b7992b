package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Conv2dLayer;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXUpsample3D}: nearest ×2 in space, and in time when compressing time (frame 0 in
 * space only: {@code T → 1 + 2(T−1)}), then every frame through {@code Conv2d(k3, s1, p1)}.
 */
final class Upsample3d extends ShapedBlock {
  private final boolean compressTime;
  private final Conv2dLayer conv;

  Upsample3d(long channels, boolean compressTime) {
    this.compressTime = compressTime;
    conv = addChildBlock("conv", new Conv2dLayer(channels, channels, 3, 1, 1));
  }

  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    if (compressTime) {
      x = Resample.doubleTime(x);
    }
    x = Resample.scaleSpace(x, 2, 2);
    return Resample.perFrame(x, frames -> conv.apply(ps, frames, training));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
