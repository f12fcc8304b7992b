package dev.reelscribe.pipelines.extract;

import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.SampledFrame;
import dev.reelscribe.schemas.VideoSource;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Partition;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Video uris in, clips and frames out: probe → split into single-shot clips → score → filter →
 * sample frames (and encode kept clips). Rejected clips are kept, with their tags, in their own
 * output; every failure of every stage ends in {@link ExtractOutputs#failed()}.
 *
 * <pre>{@code
 * ExtractOutputs out = uris.apply(ExtractVideos.with(ExtractJob.from(options)));
 * }</pre>
 */
public final class ExtractVideos extends PTransform<PCollection<String>, ExtractOutputs> {
  private static final long serialVersionUID = 1L;

  private final ExtractJob job;

  private ExtractVideos(ExtractJob job) {
    this.job = job;
  }

  public static ExtractVideos with(ExtractJob job) {
    return new ExtractVideos(job);
  }

  @Override
  public ExtractOutputs expand(PCollection<String> uris) {
    // 1. Count what came in (the progress line's denominator).
    PCollection<String> counted = uris.apply("CountVideos", ParDo.of(new CountFn()));

    // 2. Probe, split into clips, score (one decoding pass per video).
    PCollectionTuple analysed = counted.apply("AnalyzeVideos",
        ParDo.of(new ExtractClipsFn(job.extraction()))
            .withOutputTags(ExtractClipsFn.SOURCES,
                TupleTagList.of(ExtractClipsFn.CLIPS).and(ExtractClipsFn.FAILED)));
    PCollection<VideoSource> sources =
        analysed.get(ExtractClipsFn.SOURCES).setCoder(AvroCoder.of(VideoSource.class));
    PCollection<Clip> clips = analysed.get(ExtractClipsFn.CLIPS).setCoder(AvroCoder.of(Clip.class));
    PCollection<FailedRecord> analyzeFailed =
        analysed.get(ExtractClipsFn.FAILED).setCoder(AvroCoder.of(FailedRecord.class));

    // 3. Filter: clips with tags are rejected (and kept, with their reasons).
    PCollectionList<Clip> parts = clips.apply("Filter", Partition.of(2, new KeepOrReject()));
    PCollection<Clip> kept = parts.get(0);
    PCollection<Clip> rejected = parts.get(1);

    // 4. Sample frames and encode the kept clips (one decoding pass per clip).
    PCollectionTuple rendered = kept.apply("RenderClips",
        ParDo.of(new RenderClipsFn(job.sampling(), job.timeout(), job.encodeClips() ? job.clipsDir() : null))
            .withOutputTags(RenderClipsFn.RENDERED,
                TupleTagList.of(RenderClipsFn.FRAMES).and(RenderClipsFn.FAILED)));
    PCollection<Clip> renderedClips =
        rendered.get(RenderClipsFn.RENDERED).setCoder(AvroCoder.of(Clip.class));
    PCollection<SampledFrame> frames =
        rendered.get(RenderClipsFn.FRAMES).setCoder(AvroCoder.of(SampledFrame.class));
    PCollection<FailedRecord> renderFailed =
        rendered.get(RenderClipsFn.FAILED).setCoder(AvroCoder.of(FailedRecord.class));

    // 5. One dead-letter collection for every stage.
    PCollection<FailedRecord> failed = PCollectionList.of(analyzeFailed).and(renderFailed)
        .apply("AllFailures", Flatten.pCollections());
    return new ExtractOutputs(uris.getPipeline(), sources, renderedClips, rejected, frames, failed);
  }

  private static final class CountFn extends DoFn<String, String> {
    private static final long serialVersionUID = 1L;
    private final org.apache.beam.sdk.metrics.Counter matched =
        ExtractMetrics.counter(ExtractMetrics.VIDEOS_MATCHED);

    @ProcessElement
    public void process(@Element String uri, OutputReceiver<String> out) {
      matched.inc();
      out.output(uri);
    }
  }

  private static final class KeepOrReject implements Partition.PartitionFn<Clip> {
    private static final long serialVersionUID = 1L;
    private final org.apache.beam.sdk.metrics.Counter keptCount =
        ExtractMetrics.counter(ExtractMetrics.CLIPS_KEPT);
    private final org.apache.beam.sdk.metrics.Counter rejectedCount =
        ExtractMetrics.counter(ExtractMetrics.CLIPS_REJECTED);

    @Override
    public int partitionFor(Clip clip, int numPartitions) {
      if (clip.getTags().isEmpty()) {
        keptCount.inc();
        return 0;
      }
      rejectedCount.inc();
      for (String tag : clip.getTags()) {
        ExtractMetrics.counter(ExtractMetrics.REJECTED_PREFIX + tag).inc();
      }
      return 1;
    }
  }
}
