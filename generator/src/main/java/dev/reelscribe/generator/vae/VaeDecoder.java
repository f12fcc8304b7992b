package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.Layers;
import dev.reelscribe.generator.nn.ShapedBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code CogVideoXDecoder3D}: {@code conv_in} → mid stage → up stages (one more ResNet each than the
 * encoder's, channels reversed) → SpatialNorm → SiLU → {@code conv_out} to pixels. Every norm is
 * conditioned on the latent.
 */
final class VaeDecoder extends ShapedBlock {
  private final CausalConv3d convIn;
  private final Stage midBlock;
  private final Layers<Stage> upBlocks;
  private final SpatialNorm3d normOut;
  private final CausalConv3d convOut;

  VaeDecoder(VaeConfig c) {
    List<Integer> reversed = new ArrayList<>(c.blockOutChannels());
    Collections.reverse(reversed);
    long latent = c.latentChannels();
    convIn = addChildBlock("conv_in", new CausalConv3d(latent, reversed.get(0), 3));
    midBlock = addChildBlock("mid_block", Stage.mid(reversed.get(0), 2, c.normNumGroups(), c.normEps(), latent));
    upBlocks = addChildBlock("up_blocks", new Layers<>());
    long previous = reversed.get(0);
    for (int i = 0; i < reversed.size(); i++) {
      boolean last = i == reversed.size() - 1;
      upBlocks.add(Stage.up(previous, reversed.get(i), c.layersPerBlock() + 1, c.normNumGroups(), c.normEps(), latent,
          !last, i < c.temporalLevels()));
      previous = reversed.get(i);
    }
    long bottom = reversed.get(reversed.size() - 1);
    normOut = addChildBlock("norm_out", new SpatialNorm3d(bottom, latent, c.normNumGroups(), c.normEps()));
    convOut = addChildBlock("conv_out", new CausalConv3d(bottom, c.outChannels(), 3));
  }

  /** Latents {@code [B, latent, T', H', W']} → video {@code [B, 3, T, H, W]}. */
  NDArray apply(ParameterStore ps, NDArray z, boolean training) {
    NDArray h = convIn.apply(ps, z, training);
    h = midBlock.apply(ps, h, z, training);
    for (Stage s : upBlocks.all()) {
      h = s.apply(ps, h, z, training);
    }
    return convOut.apply(ps, Activations.silu(normOut.apply(ps, h, z, training)), training);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
