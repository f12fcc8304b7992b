package dev.reelscribe.pipelines.corpus;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** Counter names of the corpus writers (namespace {@value #NAMESPACE}). */
public final class CorpusMetrics {
  public static final String NAMESPACE = "reelscribe.corpus";
  public static final String RECORDS = "corpus_records";
  public static final String SHARDS = "webdataset_shards";
  public static final String COGVIDEOX_VIDEOS = "cogvideox_videos";
  public static final String COGVIDEOX_TOO_SHORT = "cogvideox_too_short";
  /** CogVideoX videos an earlier run made with the same layout, kept (not counted in the videos). */
  public static final String COGVIDEOX_REUSED = "cogvideox_reused";

  private CorpusMetrics() {}

  static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }
}
