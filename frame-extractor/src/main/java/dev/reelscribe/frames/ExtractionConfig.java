package dev.reelscribe.frames;

import dev.reelscribe.frames.analysis.AnalysisConfig;
import dev.reelscribe.frames.scores.FilterConfig;
import dev.reelscribe.frames.shots.ShotConfig;

/**
 * Everything that decides which clips a video yields and how they are scored and tagged.
 *
 * <p>{@link #fingerprint()} covers what changes clip spans and scores (analysis and shots), not the
 * filter thresholds: re-filtering keeps the clip ids.
 */
public record ExtractionConfig(AnalysisConfig analysis, ShotConfig shots, FilterConfig filter) implements java.io.Serializable {
  public ExtractionConfig {
    if (analysis == null || shots == null || filter == null) {
      throw new IllegalArgumentException("analysis, shots and filter are required");
    }
  }

  public static ExtractionConfig defaults() {
    return new ExtractionConfig(AnalysisConfig.defaults(), ShotConfig.defaults(), FilterConfig.defaults());
  }

  public String fingerprint() {
    return analysis.fingerprint() + ";" + shots.fingerprint();
  }
}
