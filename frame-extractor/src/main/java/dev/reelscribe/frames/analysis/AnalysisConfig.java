package dev.reelscribe.frames.analysis;

import java.time.Duration;

/**
 * How a video is analysed in its one full decoding pass.
 *
 * @param analysisSize longest side, in pixels, of the downscaled frame the shot detector, sharpness,
 *     brightness and noise measures see; fixing it makes the scores comparable across resolutions
 * @param flowSize longest side of the grey frame optical flow runs on
 * @param flowPerSecond how many frame pairs per second of video get optical flow
 * @param textSize longest side of the frame the burned-in text detector sees
 * @param textPerSecond how many frames per second of video the text detector sees
 * @param timeout per-file time bound for decoding
 */
public record AnalysisConfig(
    int analysisSize,
    int flowSize,
    double flowPerSecond,
    int textSize,
    double textPerSecond,
    Duration timeout) implements java.io.Serializable {

  public AnalysisConfig {
    if (analysisSize < 32 || flowSize < 32 || textSize < 64) {
      throw new IllegalArgumentException("analysis sizes too small: " + analysisSize + "/" + flowSize + "/" + textSize);
    }
    if (!(flowPerSecond > 0) || !(textPerSecond > 0)) {
      throw new IllegalArgumentException("flowPerSecond and textPerSecond must be positive");
    }
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }

  public static AnalysisConfig defaults() {
    return new AnalysisConfig(256, 128, 4.0, 640, 1.0, Duration.ofMinutes(10));
  }

  public AnalysisConfig withTimeout(Duration value) {
    return new AnalysisConfig(analysisSize, flowSize, flowPerSecond, textSize, textPerSecond, value);
  }

  /** The fields that change scores, as a stable string for content-addressed ids. */
  public String fingerprint() {
    return "analysis(" + analysisSize + "," + flowSize + "," + flowPerSecond + "," + textSize + ","
        + textPerSecond + ")";
  }
}
