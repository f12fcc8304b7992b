package dev.reelscribe.frames.scores;

/**
 * Thresholds that turn raw scores into rejection tags. Change them and re-filter from the stored
 * scores; no decoding needed.
 *
 * @param minSeconds shorter clips are {@code too_short}
 * @param minMotion below this median motion (diagonals/s) a clip is {@code low_motion}
 * @param maxStatic at or above this fraction of still frame pairs a clip is {@code static}
 * @param minSharpness below this a clip is {@code blurry}
 * @param minBrightness below this a clip is {@code too_dark}
 * @param maxBrightness above this a clip is {@code too_bright}
 * @param minContrast below this a clip is {@code low_contrast}
 * @param maxNoise above this a clip is {@code noisy}
 * @param maxTextArea above this a clip is {@code text_overlay}
 * @param maxGarbageFrames above this fraction of garbage frames a clip is {@code garbage_frames}
 */
public record FilterConfig(
    double minSeconds,
    double minMotion,
    double maxStatic,
    double minSharpness,
    double minBrightness,
    double maxBrightness,
    double minContrast,
    double maxNoise,
    double maxTextArea,
    double maxGarbageFrames) implements java.io.Serializable {

  public FilterConfig {
    if (minSeconds < 0 || minMotion < 0 || minSharpness < 0 || minContrast < 0 || maxNoise <= 0) {
      throw new IllegalArgumentException("filter thresholds must be non-negative");
    }
    if (!(maxStatic > 0 && maxStatic <= 1) || !(maxTextArea >= 0 && maxTextArea <= 1)
        || !(maxGarbageFrames >= 0 && maxGarbageFrames <= 1)) {
      throw new IllegalArgumentException("maxStatic must be in (0,1], maxTextArea and maxGarbageFrames in [0,1]");
    }
    if (minBrightness >= maxBrightness) {
      throw new IllegalArgumentException("minBrightness must be below maxBrightness");
    }
  }

  public static FilterConfig defaults() {
    return new FilterConfig(1.0, 0.003, 0.9, 20, 25, 235, 12, 20, 0.01, 0.0);
  }

  public FilterConfig withMinSeconds(double value) {
    return new FilterConfig(value, minMotion, maxStatic, minSharpness, minBrightness, maxBrightness,
        minContrast, maxNoise, maxTextArea, maxGarbageFrames);
  }

  /** A filter that rejects nothing but clips shorter than {@code minSeconds}. */
  public static FilterConfig permissive(double minSeconds) {
    return new FilterConfig(minSeconds, 0, 1.0, 0, -1, 256, 0, Double.MAX_VALUE, 1.0, 1.0);
  }
}
