package dev.reelscribe.pipelines.caption;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/** Counter and distribution names of the caption stages (namespace {@value #NAMESPACE}). */
public final class CaptionMetrics {
  public static final String NAMESPACE = "reelscribe.caption";
  public static final String FRAMES_CAPTIONED = "frames_captioned";
  public static final String FRAMES_FAILED = "frames_failed";
  /** Frames whose caption an earlier committed run made with the same model, kept as it was. */
  public static final String FRAMES_REUSED = "frames_caption_reused";
  public static final String CAPTION_WORDS = "frame_caption_words";
  public static final String BATCH_MILLIS = "caption_batch_ms";

  private CaptionMetrics() {}

  static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  static Distribution distribution(String name) {
    return Metrics.distribution(NAMESPACE, name);
  }
}
