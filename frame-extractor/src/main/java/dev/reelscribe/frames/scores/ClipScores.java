package dev.reelscribe.frames.scores;

import java.util.Map;

/** Names of the raw per-clip scores stored in {@code Clip.scores}. */
public final class ClipScores {
  /** Median optical-flow displacement, frame diagonals per second. */
  public static final String MOTION = "motion";
  /** Fraction of measured frame pairs whose motion is below {@link ClipScorer#STILL_MOTION}. */
  public static final String STATIC = "static";
  /** Median variance of the Laplacian at the analysis size (higher is sharper). */
  public static final String SHARPNESS = "sharpness";
  /** Mean grey level, 0–255. */
  public static final String BRIGHTNESS = "brightness";
  /** Mean standard deviation of grey level within a frame, 0–255. */
  public static final String CONTRAST = "contrast";
  /** 90th percentile of the per-frame noise sigma estimate, grey levels (TV static: tens). */
  public static final String NOISE = "noise";
  /** Fraction of the clip's frames that are garbage: single frames unlike both neighbours. */
  public static final String GARBAGE_FRAMES = "garbage_frames";
  /** Median fraction of the frame covered by burned-in text. */
  public static final String TEXT_AREA = "text_area";
  /** Largest fraction of any measured frame covered by burned-in text. */
  public static final String TEXT_AREA_MAX = "text_area_max";
  /** Clip length in seconds. */
  public static final String DURATION = "duration";

  private ClipScores() {}

  /** Reads a score, or NaN when absent. */
  public static double get(Map<String, Double> scores, String name) {
    Double v = scores.get(name);
    return v == null ? Double.NaN : v;
  }
}
