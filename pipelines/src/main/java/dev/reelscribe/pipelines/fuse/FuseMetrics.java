package dev.reelscribe.pipelines.fuse;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.metrics.Metrics;

/** Counter and distribution names of the fusion stage (namespace {@value #NAMESPACE}). */
public final class FuseMetrics {
  public static final String NAMESPACE = "reelscribe.fuse";
  public static final String CLIPS_FUSED = "clips_fused";
  public static final String CLIPS_REJECTED = "clips_rejected";
  public static final String CLIPS_FAILED = "clips_failed";
  public static final String CLIPS_SKIPPED = "clips_skipped";
  /** Clips whose dense caption an earlier committed run made from the same frame captions, model and prompt. */
  public static final String CLIPS_REUSED = "clips_fusion_reused";
  public static final String TOKENS = "dense_caption_tokens";
  public static final String BATCH_MILLIS = "fuse_batch_ms";

  private FuseMetrics() {}

  static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  static Distribution distribution(String name) {
    return Metrics.distribution(NAMESPACE, name);
  }
}
