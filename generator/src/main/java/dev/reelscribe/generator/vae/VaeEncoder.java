package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.GroupNorm;
import dev.reelscribe.generator.nn.Layers;
import dev.reelscribe.generator.nn.ShapedBlock;
import java.util.List;

/**
 * {@code CogVideoXEncoder3D}: {@code conv_in} → down stages → mid stage (2 ResNets) → GroupNorm →
 * SiLU → {@code conv_out} to {@code 2 × latent} channels (mean and log-variance).
 */
final class VaeEncoder extends ShapedBlock {
  private final CausalConv3d convIn;
  private final Layers<Stage> downBlocks;
  private final Stage midBlock;
  private final GroupNorm normOut;
  private final CausalConv3d convOut;

  VaeEncoder(VaeConfig c) {
    List<Integer> ch = c.blockOutChannels();
    convIn = addChildBlock("conv_in", new CausalConv3d(c.inChannels(), ch.get(0), 3));
    downBlocks = addChildBlock("down_blocks", new Layers<>());
    long previous = ch.get(0);
    for (int i = 0; i < ch.size(); i++) {
      boolean last = i == ch.size() - 1;
      downBlocks.add(Stage.down(previous, ch.get(i), c.layersPerBlock(), c.normNumGroups(), c.normEps(), !last,
          i < c.temporalLevels()));
      previous = ch.get(i);
    }
    long top = ch.get(ch.size() - 1);
    midBlock = addChildBlock("mid_block", Stage.mid(top, 2, c.normNumGroups(), c.normEps(), 0));
    normOut = addChildBlock("norm_out", new GroupNorm(c.normNumGroups(), top, c.normEps()));
    convOut = addChildBlock("conv_out", new CausalConv3d(top, 2L * c.latentChannels(), 3));
  }

  /** Video {@code [B, 3, T, H, W]} in {@code [-1, 1]} → moments {@code [B, 2·latent, T', H', W']}. */
  NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray h = convIn.apply(ps, x, training);
    for (Stage s : downBlocks.all()) {
      h = s.apply(ps, h, null, training);
    }
    h = midBlock.apply(ps, h, null, training);
    return convOut.apply(ps, Activations.silu(normOut.apply(ps, h, training)), training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
