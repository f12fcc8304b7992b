package dev.reelscribe.frames.scores;

import dev.reelscribe.frames.analysis.FrameSignals;
import dev.reelscribe.frames.shots.ClipSpan;
import dev.reelscribe.frames.shots.Transients;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Aggregates per-frame signals over a clip span into the raw scores a CogVideoX-style filter needs
 * (motion, static, sharpness, brightness, contrast, noise, text area). Scores are kept whatever the
 * filter decides, so a user can re-filter without decoding again.
 */
public final class ClipScorer {
  /** Below this many frame diagonals per second a frame pair counts as still. */
  public static final double STILL_MOTION = 0.002;

  /**
   * Scores one span.
   *
   * @param transients garbage frames of the whole video (see {@link
   *     dev.reelscribe.frames.shots.Transients})
   */
  public Map<String, Double> score(FrameSignals s, boolean[] transients, ClipSpan span, double fps) {
    int start = (int) span.startFrame();
    int end = (int) span.endFrame();
    // Skip the first frame of a shot: its content change and flow straddle the cut.
    int from = end - start > 1 ? start + 1 : start;
    double[] motion = collect(s, from, end, Signal.MOTION);
    double[] sharp = collect(s, start, end, Signal.SHARPNESS);
    double[] luma = collect(s, start, end, Signal.LUMA);
    double[] lumaStd = collect(s, start, end, Signal.LUMA_STD);
    double[] noise = collect(s, start, end, Signal.NOISE);
    double[] text = collect(s, start, end, Signal.TEXT);

    Map<String, Double> scores = new LinkedHashMap<>();
    scores.put(ClipScores.DURATION, span.seconds(fps));
    scores.put(ClipScores.MOTION, motion.length == 0 ? 0.0 : quantile(motion, 0.5));
    long still = Arrays.stream(motion).filter(m -> m < STILL_MOTION).count();
    scores.put(ClipScores.STATIC, motion.length == 0 ? 1.0 : still / (double) motion.length);
    scores.put(ClipScores.SHARPNESS, quantile(sharp, 0.5));
    scores.put(ClipScores.BRIGHTNESS, mean(luma));
    scores.put(ClipScores.CONTRAST, mean(lumaStd));
    scores.put(ClipScores.NOISE, quantile(noise, 0.9));
    scores.put(ClipScores.GARBAGE_FRAMES,
        Transients.count(transients, span.startFrame(), span.endFrame()) / (double) span.frames());
    scores.put(ClipScores.TEXT_AREA, text.length == 0 ? 0.0 : quantile(text, 0.5));
    scores.put(ClipScores.TEXT_AREA_MAX, text.length == 0 ? 0.0 : Arrays.stream(text).max().orElse(0));
    return scores;
  }

  private enum Signal { MOTION, SHARPNESS, LUMA, LUMA_STD, NOISE, TEXT }

  private static double[] collect(FrameSignals s, int from, int to, Signal which) {
    double[] out = new double[Math.max(0, to - from)];
    int n = 0;
    for (int i = from; i < to; i++) {
      double v = switch (which) {
        case MOTION -> s.motion(i);
        case SHARPNESS -> s.sharpness(i);
        case LUMA -> s.luma(i);
        case LUMA_STD -> s.lumaStd(i);
        case NOISE -> s.noise(i);
        case TEXT -> s.textArea(i);
      };
      if (!Double.isNaN(v)) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  static double quantile(double[] values, double q) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = (int) Math.ceil(pos);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
  }

  private static double mean(double[] values) {
    return values.length == 0 ? 0 : Arrays.stream(values).average().orElse(0);
  }
}
