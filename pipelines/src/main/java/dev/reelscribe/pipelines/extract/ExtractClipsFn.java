package dev.reelscribe.pipelines.extract;

import dev.reelscribe.frames.ClipExtractor;
import dev.reelscribe.frames.ExtractionConfig;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.VideoExtraction;
import dev.reelscribe.pipelines.io.LocalCopy;
import dev.reelscribe.pipelines.records.Failures;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.VideoSource;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Probes one video, splits it into single-shot clips and scores them. Main output: the {@link
 * VideoSource}; {@link #CLIPS}: its clips; {@link #FAILED}: a {@link FailedRecord} for a video that
 * cannot be read, with the reason.
 */
public final class ExtractClipsFn extends DoFn<String, VideoSource> {
  private static final long serialVersionUID = 1L;
  public static final String STAGE = "analyze";
  public static final TupleTag<VideoSource> SOURCES = new TupleTag<>() {};
  public static final TupleTag<Clip> CLIPS = new TupleTag<>() {};
  public static final TupleTag<FailedRecord> FAILED = new TupleTag<>() {};

  private final ExtractionConfig config;
  private transient ClipExtractor extractor;
  private final Counter done = ExtractMetrics.counter(ExtractMetrics.VIDEOS_DONE);
  private final Counter failed = ExtractMetrics.counter(ExtractMetrics.VIDEOS_FAILED);
  private final Counter clips = ExtractMetrics.counter(ExtractMetrics.CLIPS);
  private final Distribution clipMillis = ExtractMetrics.distribution(ExtractMetrics.CLIP_MILLIS);

  public ExtractClipsFn(ExtractionConfig config) {
    this.config = config;
  }

  @Setup
  public void setup() {
    extractor = new ClipExtractor(config);
  }

  @ProcessElement
  public void process(@Element String uri, MultiOutputReceiver out) throws IOException {
    Result<VideoExtraction> result;
    try (LocalCopy local = LocalCopy.of(uri)) {
      result = extractor.extract(local.path(), uri, local.size());
    } catch (FileNotFoundException e) {
      failed.inc();
      out.get(FAILED).output(Failures.of(STAGE, uri, null, e));
      return;
    }
    if (result instanceof Result.Failed<VideoExtraction> f) {
      failed.inc();
      out.get(FAILED).output(Failures.of(STAGE, uri, null, f));
      return;
    }
    VideoExtraction v = ((Result.Ok<VideoExtraction>) result).value();
    out.get(SOURCES).output(v.source());
    for (Clip clip : v.clips()) {
      out.get(CLIPS).output(clip);
      clipMillis.update(Math.round((clip.getEndSeconds() - clip.getStartSeconds()) * 1000));
      clip.getScores().forEach((name, value) -> {
        if (Double.isFinite(value)) {
          ExtractMetrics.distribution(ExtractMetrics.scoreName(name.toString())).update(Math.round(value * 1000));
        }
      });
    }
    clips.inc(v.clips().size());
    done.inc();
  }
}
