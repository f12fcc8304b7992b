package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.GroupNorm;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * {@code CogVideoXResnetBlock3D}: norm → SiLU → causal conv → norm → SiLU → causal conv, plus the
 * input (through a 1×1×1 conv when the channels change). The norms are GroupNorm in the encoder and
 * {@link SpatialNorm3d} (conditioned on the latent) in the decoder.
 */
final class ResnetBlock3d extends ShapedBlock {
  private final GroupNorm groupNorm1;
  private final GroupNorm groupNorm2;
  private final SpatialNorm3d spatialNorm1;
  private final SpatialNorm3d spatialNorm2;
  private final CausalConv3d conv1;
  private final CausalConv3d conv2;
  private final Conv3dPointwise shortcut;

  /**
   * @param latentChannels the latent's channels for a decoder block (spatial norms), or 0 for GroupNorm
   */
  ResnetBlock3d(long in, long out, int groups, float eps, long latentChannels) {
    boolean spatial = latentChannels > 0;
    if (spatial) {
      spatialNorm1 = addChildBlock("norm1", new SpatialNorm3d(in, latentChannels, groups, eps));
      groupNorm1 = null;
    } else {
      groupNorm1 = addChildBlock("norm1", new GroupNorm(groups, in, eps));
      spatialNorm1 = null;
    }
    conv1 = addChildBlock("conv1", new CausalConv3d(in, out, 3));
    if (spatial) {
      spatialNorm2 = addChildBlock("norm2", new SpatialNorm3d(out, latentChannels, groups, eps));
      groupNorm2 = null;
    } else {
      groupNorm2 = addChildBlock("norm2", new GroupNorm(groups, out, eps));
      spatialNorm2 = null;
    }
    conv2 = addChildBlock("conv2", new CausalConv3d(out, out, 3));
    shortcut = in != out ? addChildBlock("conv_shortcut", new Conv3dPointwise(in, out)) : null;
  }

  NDArray apply(ParameterStore ps, NDArray x, NDArray z, boolean training) {
    NDArray h = groupNorm1 != null ? groupNorm1.apply(ps, x, training) : spatialNorm1.apply(ps, x, z, training);
    h = conv1.apply(ps, Activations.silu(h), training);
    h = groupNorm2 != null ? groupNorm2.apply(ps, h, training) : spatialNorm2.apply(ps, h, z, training);
    h = conv2.apply(ps, Activations.silu(h), training);
    NDArray skip = shortcut == null ? x : shortcut.apply(ps, x, training);
    return skip.add(h);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
  }
}
