package dev.reelscribe.pipelines.extract;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/** Counter and distribution names of the extraction pipeline (namespace {@value #NAMESPACE}). */
public final class ExtractMetrics {
  public static final String NAMESPACE = "reelscribe.extract";
  public static final String VIDEOS_MATCHED = "videos_matched";
  public static final String VIDEOS_DONE = "videos_done";
  /** Videos an earlier committed run extracted, carried over without decoding (counted in done too). */
  public static final String VIDEOS_REUSED = "videos_reused";
  public static final String CLIPS_REUSED = "clips_reused";
  public static final String FRAMES_REUSED = "frames_reused";
  /** Kept clips whose mp4 an earlier run had already published: sampled, not encoded again. */
  public static final String CLIP_FILES_REUSED = "clip_files_reused";
  public static final String VIDEOS_FAILED = "videos_failed";
  public static final String CLIPS = "clips";
  public static final String CLIPS_KEPT = "clips_kept";
  public static final String CLIPS_REJECTED = "clips_rejected";
  public static final String CLIPS_RENDERED = "clips_rendered";
  public static final String CLIPS_FAILED = "clips_failed";
  public static final String FRAMES_SAMPLED = "frames_sampled";
  public static final String REJECTED_PREFIX = "rejected_";
  public static final String CLIP_MILLIS = "clip_length_ms";
  /** Distributions of the clip scores, in thousandths: {@code score_motion_x1000}, ... */
  public static final String SCORE_PREFIX = "score_";

  static String scoreName(String score) {
    return SCORE_PREFIX + score + "_x1000";
  }

  private ExtractMetrics() {}

  static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  static Distribution distribution(String name) {
    return Metrics.distribution(NAMESPACE, name);
  }
}
