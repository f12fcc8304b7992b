package dev.reelscribe.pipelines.extract;

import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.SampledFrame;
import dev.reelscribe.schemas.VideoSource;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PInput;
import org.apache.beam.sdk.values.POutput;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.TupleTag;

/** The outputs of {@link ExtractVideos}: sources, kept clips, rejected clips, frames and failures. */
public final class ExtractOutputs implements POutput {
  private final Pipeline pipeline;
  private final PCollection<VideoSource> sources;
  private final PCollection<Clip> kept;
  private final PCollection<Clip> rejected;
  private final PCollection<SampledFrame> frames;
  private final PCollection<FailedRecord> failed;

  ExtractOutputs(Pipeline pipeline, PCollection<VideoSource> sources, PCollection<Clip> kept,
      PCollection<Clip> rejected, PCollection<SampledFrame> frames, PCollection<FailedRecord> failed) {
    this.pipeline = pipeline;
    this.sources = sources;
    this.kept = kept;
    this.rejected = rejected;
    this.frames = frames;
    this.failed = failed;
  }

  public PCollection<VideoSource> sources() {
    return sources;
  }

  /** Clips that passed the filter, with {@code clipUri} set when clips are encoded. */
  public PCollection<Clip> kept() {
    return kept;
  }

  /** Clips the filter rejected; their tags say why. */
  public PCollection<Clip> rejected() {
    return rejected;
  }

  public PCollection<SampledFrame> frames() {
    return frames;
  }

  public PCollection<FailedRecord> failed() {
    return failed;
  }

  @Override
  public Pipeline getPipeline() {
    return pipeline;
  }

  @Override
  public Map<TupleTag<?>, PValue> expand() {
    return Map.of(new TupleTag<VideoSource>("sources"), sources, new TupleTag<Clip>("kept"), kept,
        new TupleTag<Clip>("rejected"), rejected, new TupleTag<SampledFrame>("frames"), frames,
        new TupleTag<FailedRecord>("failed"), failed);
  }

  @Override
  public void finishSpecifyingOutput(String transformName, PInput input,
      PTransform<?, ?> transform) {}
}
