package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.GroupNorm;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXSpatialNorm3D}, the decoder's norm: {@code GroupNorm(f)·conv_y(z) + conv_b(z)},
 * with the latent {@code z} resized (nearest, frame 0 apart) to {@code f}'s time and space, so every
 * decoder layer is conditioned on the latent directly.
 */
final class SpatialNorm3d extends ShapedBlock {
  private final GroupNorm normLayer;
  private final CausalConv3d convY;
  private final CausalConv3d convB;

  SpatialNorm3d(long channels, long latentChannels, int groups, float eps) {
    normLayer = addChildBlock("norm_layer", new GroupNorm(groups, channels, eps));
    convY = addChildBlock("conv_y", new CausalConv3d(latentChannels, channels, 1));
    convB = addChildBlock("conv_b", new CausalConv3d(latentChannels, channels, 1));
  }

  NDArray apply(ParameterStore ps, NDArray f, NDArray z, boolean training) {
    NDArray zq = Resample.nearestLike(z, f);
    return normLayer.apply(ps, f, training).mul(convY.apply(ps, zq, training)).add(convB.apply(ps, zq, training));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.get(1), training));
  }
}
