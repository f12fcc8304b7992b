package dev.reelscribe.generator.vae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Time and space resampling of {@code [B, C, T, H, W]} videos with CogVideoX's rule for frame 0: it
 * is kept apart (down: when {@code T} is odd), so {@code T → 1 + (T−1)/2} down and {@code T → 1 + 2(T−1)} up,
 * and frame 0 never mixes with later frames.
 */
final class Resample {
  private Resample() {}

  /** Averages pairs of frames after frame 0 ({@code avg_pool1d(2)} on time). */
  static NDArray halveTime(NDArray x) {
    long t = x.getShape().get(2);
    if (t % 2 == 1) {
      if (t == 1) {
        return x;
      }
      NDArray first = x.get(new NDIndex(":, :, 0:1"));
      return first.concat(pairMean(x.get(new NDIndex(":, :, 1:"))), 2);
    }
    return pairMean(x);
  }

  private static NDArray pairMean(NDArray x) {
    Shape s = x.getShape();
    return x.reshape(s.get(0), s.get(1), s.get(2) / 2, 2, s.get(3), s.get(4)).mean(new int[] {3});
  }

  /**
   * Repeats every frame after frame 0 twice (nearest, time only): {@code T → 1 + 2(T−1)} for every
   * {@code T}. diffusers keeps frame 0 apart only for odd {@code T}, which is the same for every
   * latent count CogVideoX decodes at once (13, or a first chunk of 3), but would turn 2 latents into
   * 8 frames instead of 5; here {@code 4k+1 ↔ k+1} holds for every {@code k}.
   */
  static NDArray doubleTime(NDArray x) {
    long t = x.getShape().get(2);
    if (t == 1) {
      return x;
    }
    NDArray first = x.get(new NDIndex(":, :, 0:1"));
    return first.concat(x.get(new NDIndex(":, :, 1:")).repeat(2, 2), 2);
  }

  /** Nearest-neighbour resize of every frame by an integer factor in height and width. */
  static NDArray scaleSpace(NDArray x, long factorH, long factorW) {
    NDArray y = factorH == 1 ? x : x.repeat(3, factorH);
    return factorW == 1 ? y : y.repeat(4, factorW);
  }

  /**
   * Nearest resize of {@code z} to the time, height and width of {@code like}, frame 0 apart when
   * the target's frame count is odd and above 1 ({@code CogVideoXSpatialNorm3D}'s rule); every
   * factor must be a whole number.
   */
  static NDArray nearestLike(NDArray z, NDArray like) {
    long t = like.getShape().get(2);
    long zt = z.getShape().get(2);
    long fh = factor(like.getShape().get(3), z.getShape().get(3));
    long fw = factor(like.getShape().get(4), z.getShape().get(4));
    if (t > 1 && t % 2 == 1) {
      NDArray first = scaleSpace(z.get(new NDIndex(":, :, 0:1")), fh, fw);
      NDArray rest = z.get(new NDIndex(":, :, 1:"));
      long ft = factor(t - 1, zt - 1);
      rest = scaleSpace(ft == 1 ? rest : rest.repeat(2, ft), fh, fw);
      return first.concat(rest, 2);
    }
    long ft = factor(t, zt);
    return scaleSpace(ft == 1 ? z : z.repeat(2, ft), fh, fw);
  }

  private static long factor(long target, long source) {
    if (source <= 0 || target % source != 0) {
      throw new IllegalArgumentException("cannot resize " + source + " to " + target + " by a whole factor");
    }
    return target / source;
  }

  /** Runs a 2D operation on every frame of {@code [B, C, T, H, W]}: {@code [B·T, C, H, W]} in, the same layout out. */
  static NDArray perFrame(NDArray x, java.util.function.UnaryOperator<NDArray> op) {
    Shape s = x.getShape();
    long b = s.get(0);
    long c = s.get(1);
    long t = s.get(2);
    NDArray y = op.apply(x.transpose(0, 2, 1, 3, 4).reshape(b * t, c, s.get(3), s.get(4)));
    Shape o = y.getShape();
    return y.reshape(b, t, o.get(1), o.get(2), o.get(3)).transpose(0, 2, 1, 3, 4);
  }
}
