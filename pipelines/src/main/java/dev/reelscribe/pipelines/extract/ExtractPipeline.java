package dev.reelscribe.pipelines.extract;

import dev.reelscribe.pipelines.io.InputSpec;
import dev.reelscribe.pipelines.io.MatchVideos;
import dev.reelscribe.pipelines.io.WriteRecords;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.SampledFrame;
import dev.reelscribe.schemas.VideoSource;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;

/**
 * The extraction job: {@code main → run(options) → applyTransforms(pipeline, ...)}, so tests drive
 * the wiring directly.
 *
 * <pre>
 * OUT/clips/&lt;clipId&gt;.mp4               kept clips, H.264
 * OUT/records/sources/part-*.{parquet,jsonl}  VideoSource
 * OUT/records/clips/part-*.{parquet,jsonl}    kept Clip records
 * OUT/records/rejected/part-*.{parquet,jsonl} rejected Clip records, with tags
 * OUT/records/frames/part-*.{parquet,jsonl}   SampledFrame (JPEG inline)
 * OUT/failed/part-*.{jsonl,parquet}           FailedRecord, with the reason (Parquet for reruns to read)
 * OUT/run.json                                counts, timings, configuration (written by the CLI)
 * </pre>
 */
public final class ExtractPipeline {
  private ExtractPipeline() {}

  /** Builds the whole job on {@code pipeline}: match inputs, extract, write every output. */
  public static ExtractOutputs applyTransforms(Pipeline pipeline, ExtractOptions options) throws IOException {
    ExtractOutputs out = extract(pipeline, options);
    write(out, ExtractJob.from(options), out.failed());
    return out;
  }

  /**
   * Matches the inputs and extracts clips and frames, writing nothing except clip files. With {@code
   * --previous}, videos extracted there are carried over instead ({@link ReuseExtraction}).
   */
  public static ExtractOutputs extract(Pipeline pipeline, ExtractOptions options) throws IOException {
    ExtractJob job = ExtractJob.from(options);
    InputSpec inputs = InputSpec.resolve(options.getInput());
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("--input " + options.getInput() + " names no videos");
    }
    PCollection<String> uris = pipeline.apply("MatchVideos", MatchVideos.from(inputs));
    return job.previous() == null
        ? uris.apply("ExtractVideos", ExtractVideos.with(job))
        : uris.apply("ReuseOrExtract", ReuseExtraction.with(job));
  }

  /** Writes the extraction's records, and {@code failed} (every stage's failures) as the dead letters. */
  public static void write(ExtractOutputs out, ExtractJob job, PCollection<FailedRecord> failed) {
    out.sources().apply("WriteSources", WriteRecords.<VideoSource>to(job.recordsDir("sources"), VideoSource.getClassSchema()).withNumShards(1));
    out.kept().apply("WriteClips", WriteRecords.to(job.recordsDir("clips"), Clip.getClassSchema()));
    out.rejected().apply("WriteRejected", WriteRecords.to(job.recordsDir("rejected"), Clip.getClassSchema()));
    out.frames().apply("WriteFrames", WriteRecords.to(job.recordsDir("frames"), SampledFrame.getClassSchema()));
    failed.apply("WriteFailed",
        WriteRecords.<FailedRecord>to(job.failedDir(), FailedRecord.getClassSchema()).withNumShards(1));
  }
}
