package dev.reelscribe.pipelines.cli;

import dev.reelscribe.pipelines.extract.ExtractMetrics;
import java.io.PrintWriter;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.joda.time.Duration;

/** Waits for a running pipeline, printing a progress line from its counters every few seconds. */
final class Progress {
  private static final Duration EVERY = Duration.standardSeconds(3);

  private Progress() {}

  static PipelineResult.State follow(PipelineResult result, PrintWriter err, long startNanos) {
    PipelineResult.State state = result.waitUntilFinish(EVERY);
    while (state == null || !state.isTerminal()) {
      err.println(line(RunReport.counters(result, ExtractMetrics.NAMESPACE), startNanos));
      state = result.waitUntilFinish(EVERY);
    }
    return state;
  }

  static String line(Map<String, Long> c, long startNanos) {
    long seconds = (System.nanoTime() - startNanos) / 1_000_000_000L;
    return String.format("[extract %ds] videos %d/%d done, %d failed | clips %d (kept %d, rejected %d) | "
            + "rendered %d, frames %d, clip failures %d",
        seconds,
        c.getOrDefault(ExtractMetrics.VIDEOS_DONE, 0L) + c.getOrDefault(ExtractMetrics.VIDEOS_FAILED, 0L),
        c.getOrDefault(ExtractMetrics.VIDEOS_MATCHED, 0L),
        c.getOrDefault(ExtractMetrics.VIDEOS_FAILED, 0L),
        c.getOrDefault(ExtractMetrics.CLIPS, 0L),
        c.getOrDefault(ExtractMetrics.CLIPS_KEPT, 0L),
        c.getOrDefault(ExtractMetrics.CLIPS_REJECTED, 0L),
        c.getOrDefault(ExtractMetrics.CLIPS_RENDERED, 0L),
        c.getOrDefault(ExtractMetrics.FRAMES_SAMPLED, 0L),
        c.getOrDefault(ExtractMetrics.CLIPS_FAILED, 0L));
  }
}
