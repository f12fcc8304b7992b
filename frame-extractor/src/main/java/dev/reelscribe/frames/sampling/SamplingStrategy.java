package dev.reelscribe.frames.sampling;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which frames of a clip to sample.
 *
 * <ul>
 *   <li>{@code uniform:N}: N frames at the centres of N equal parts of the clip
 *   <li>{@code fps:R}: one frame every 1/R seconds from the clip's start (e.g. {@code fps:1})
 *   <li>{@code per-shot}: the middle frame (clips are single shots, so one frame per shot)
 * </ul>
 */
public sealed interface SamplingStrategy extends java.io.Serializable {

  /** Source frame numbers to sample from {@code [start, end)}, ascending and distinct. */
  long[] frames(long start, long end, double fps);

  /** The strategy's spec, as {@link #parse} reads it. */
  String spec();

  static SamplingStrategy parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.startsWith("uniform:")) {
        return new Uniform(Integer.parseInt(s.substring("uniform:".length())));
      }
      if (s.startsWith("fps:")) {
        return new FixedRate(Double.parseDouble(s.substring("fps:".length())));
      }
      if (s.equals("per-shot")) {
        return new PerShot();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad number in sampling spec '" + spec + "'", e);
    }
    throw new IllegalArgumentException(
        "unknown sampling spec '" + spec + "'; use uniform:N, fps:R or per-shot");
  }

  /** N frames spread evenly over the clip. */
  record Uniform(int count) implements SamplingStrategy {
    public Uniform {
      if (count < 1 || count > 256) {
        throw new IllegalArgumentException("uniform sample count must be 1..256, got " + count);
      }
    }

    @Override
    public long[] frames(long start, long end, double fps) {
      long length = end - start;
      long[] out = new long[count];
      for (int k = 0; k < count; k++) {
        out[k] = start + (long) Math.floor((k + 0.5) * length / count);
      }
      return Arrays.stream(out).distinct().toArray();
    }

    @Override
    public String spec() {
      return "uniform:" + count;
    }
  }

  /** A frame every 1/perSecond seconds. */
  record FixedRate(double perSecond) implements SamplingStrategy {
    public FixedRate {
      if (!(perSecond > 0) || perSecond > 240) {
        throw new IllegalArgumentException("sampling rate must be in (0, 240], got " + perSecond);
      }
    }

    @Override
    public long[] frames(long start, long end, double fps) {
      double step = fps / perSecond;
      long n = Math.max(1, (long) Math.ceil((end - start) / step - 1e-9));
      return java.util.stream.LongStream.range(0, n)
          .map(k -> start + (long) Math.floor(k * step + 1e-9))
          .filter(f -> f < end)
          .distinct()
          .toArray();
    }

    @Override
    public String spec() {
      return "fps:" + perSecond;
    }
  }

  /** The middle frame of the clip. */
  record PerShot() implements SamplingStrategy {
    @Override
    public long[] frames(long start, long end, double fps) {
      return new long[] {start + (end - start) / 2};
    }

    @Override
    public String spec() {
      return "per-shot";
    }
  }
}
