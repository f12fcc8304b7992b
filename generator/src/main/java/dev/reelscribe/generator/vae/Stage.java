package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Layers;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * One stage of the encoder or decoder ({@code CogVideoXDownBlock3D}, {@code CogVideoXMidBlock3D},
 * {@code CogVideoXUpBlock3D}): ResNets named {@code resnets.i}, then optionally one resampler
 * ({@code downsamplers.0} or {@code upsamplers.0}).
 */
final class Stage extends ShapedBlock {
  private final Layers<ResnetBlock3d> resnets;
  private final Downsample3d down;
  private final Upsample3d up;

  private Stage(Layers<ResnetBlock3d> resnets, Block resampler, String resamplerName) {
    this.resnets = addChildBlock("resnets", resnets);
    Downsample3d d = null;
    Upsample3d u = null;
    if (resampler != null) {
      Layers<Block> holder = addChildBlock(resamplerName, new Layers<>());
      holder.add(resampler);
      if (resampler instanceof Downsample3d ds) {
        d = ds;
      } else {
        u = (Upsample3d) resampler;
      }
    }
    down = d;
    up = u;
  }

  /** An encoder stage: {@code layers} ResNets ({@code in → out}, then {@code out → out}), then an optional downsampler. */
  static Stage down(long in, long out, int layers, int groups, float eps, boolean downsample, boolean compressTime) {
    Layers<ResnetBlock3d> resnets = new Layers<>();
    for (int i = 0; i < layers; i++) {
      resnets.add(new ResnetBlock3d(i == 0 ? in : out, out, groups, eps, 0));
    }
    return new Stage(resnets, downsample ? new Downsample3d(out, compressTime) : null, "downsamplers");
  }

  /** A middle stage: {@code layers} ResNets at one width; {@code latentChannels > 0} for the decoder's spatial norms. */
  static Stage mid(long channels, int layers, int groups, float eps, long latentChannels) {
    Layers<ResnetBlock3d> resnets = new Layers<>();
    for (int i = 0; i < layers; i++) {
      resnets.add(new ResnetBlock3d(channels, channels, groups, eps, latentChannels));
    }
    return new Stage(resnets, null, null);
  }

  /** A decoder stage: {@code layers} ResNets with spatial norms, then an optional upsampler. */
  static Stage up(long in, long out, int layers, int groups, float eps, long latentChannels, boolean upsample,
      boolean compressTime) {
    Layers<ResnetBlock3d> resnets = new Layers<>();
    for (int i = 0; i < layers; i++) {
      resnets.add(new ResnetBlock3d(i == 0 ? in : out, out, groups, eps, latentChannels));
    }
    return new Stage(resnets, upsample ? new Upsample3d(out, compressTime) : null, "upsamplers");
  }

  NDArray apply(ParameterStore ps, NDArray x, NDArray z, boolean training) {
    for (ResnetBlock3d r : resnets.all()) {
      x = r.apply(ps, x, z, training);
    }
    if (down != null) {
      x = down.apply(ps, x, training);
    }
    if (up != null) {
      x = up.apply(ps, x, training);
    }
    return x;
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.get(0), inputs.size() > 1 ? inputs.get(1) : null, training));
  }
}
