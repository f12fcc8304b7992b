package dev.reelscribe.pipelines.extract;

import dev.reelscribe.pipelines.io.ReadRecords;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.SampledFrame;
import dev.reelscribe.schemas.VideoSource;
import java.io.IOException;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * {@link ExtractVideos} for a rerun: a video that a committed earlier run extracted completely, and
 * that has not changed since (same size), is not decoded again; its source, clips and frames are
 * carried over from {@code job.previous()}. Every other video — new, changed, or one that failed
 * before — is extracted. The output holds both, so later stages see the whole input.
 *
 * <ol>
 *   <li>Join the matched uris with the previous sources, clips, rejected clips and extraction failures
 *       by video uri ({@link SplitFn}); a uri matched twice is extracted once.
 *   <li>Join the carried-over kept clips with the previous frames by clip id ({@link CarryFramesFn}).
 * </ol>
 */
public final class ReuseExtraction extends PTransform<PCollection<String>, ExtractOutputs> {
  private static final long serialVersionUID = 1L;

  static final TupleTag<String> MATCHED = new TupleTag<>("matched") {};
  static final TupleTag<VideoSource> SOURCE = new TupleTag<>("source") {};
  static final TupleTag<Clip> KEPT = new TupleTag<>("kept") {};
  static final TupleTag<Clip> REJECTED = new TupleTag<>("rejected") {};
  static final TupleTag<FailedRecord> FAILED = new TupleTag<>("failed") {};
  static final TupleTag<SampledFrame> FRAME = new TupleTag<>("frame") {};

  private final ExtractJob job;

  private ReuseExtraction(ExtractJob job) {
    this.job = job;
  }

  public static ReuseExtraction with(ExtractJob job) {
    if (job.previous() == null) {
      throw new IllegalArgumentException("nothing to reuse: the job has no previous output");
    }
    return new ReuseExtraction(job);
  }

  @Override
  public ExtractOutputs expand(PCollection<String> uris) {
    PBegin begin = PBegin.in(uris.getPipeline());
    var sources = begin.apply("ReadPreviousSources", ReadRecords.from(job.previousRecordsDir("sources"), VideoSource.class))
        .apply("KeySources", WithKeys.of((VideoSource s) -> s.getUri().toString()).withKeyType(TypeDescriptors.strings()));
    var kept = begin.apply("ReadPreviousClips", ReadRecords.from(job.previousRecordsDir("clips"), Clip.class))
        .apply("KeyKept", WithKeys.of((Clip c) -> c.getSourceUri().toString()).withKeyType(TypeDescriptors.strings()));
    var rejected = begin.apply("ReadPreviousRejected", ReadRecords.from(job.previousRecordsDir("rejected"), Clip.class))
        .apply("KeyRejected", WithKeys.of((Clip c) -> c.getSourceUri().toString()).withKeyType(TypeDescriptors.strings()));
    var failed = begin.apply("ReadPreviousFailures", ReadRecords.from(job.previous() + "/failed", FailedRecord.class))
        .apply("ExtractionFailures", Filter.by((FailedRecord f) -> isExtraction(f.getStage().toString())))
        .apply("KeyFailures", WithKeys.of((FailedRecord f) -> f.getInputUri().toString()).withKeyType(TypeDescriptors.strings()));
    var matched = uris.apply("KeyMatched", WithKeys.of((String u) -> u).withKeyType(TypeDescriptors.strings()));

    PCollectionTuple split = KeyedPCollectionTuple.of(MATCHED, matched)
        .and(SOURCE, sources).and(KEPT, kept).and(REJECTED, rejected).and(FAILED, failed)
        .apply("JoinByVideo", CoGroupByKey.create())
        .apply("SplitDoneVideos", ParDo.of(new SplitFn())
            .withOutputTags(SplitFn.TODO, TupleTagList.of(SOURCE).and(KEPT).and(REJECTED)));
    PCollection<VideoSource> carriedSources = split.get(SOURCE).setCoder(AvroCoder.of(VideoSource.class));
    PCollection<Clip> carriedKept = split.get(KEPT).setCoder(AvroCoder.of(Clip.class));
    PCollection<Clip> carriedRejected = split.get(REJECTED).setCoder(AvroCoder.of(Clip.class));

    var previousFrames = begin.apply("ReadPreviousFrames", ReadRecords.from(job.previousRecordsDir("frames"), SampledFrame.class))
        .apply("KeyFrames", WithKeys.of((SampledFrame f) -> f.getClipId().toString()).withKeyType(TypeDescriptors.strings()));
    var keptById = carriedKept.apply("KeyKeptById", WithKeys.of((Clip c) -> c.getClipId().toString())
        .withKeyType(TypeDescriptors.strings()));
    PCollection<SampledFrame> carriedFrames = KeyedPCollectionTuple.of(KEPT, keptById).and(FRAME, previousFrames)
        .apply("JoinFramesByClip", CoGroupByKey.create())
        .apply("CarryFrames", ParDo.of(new CarryFramesFn()))
        .setCoder(AvroCoder.of(SampledFrame.class));

    ExtractOutputs fresh = split.get(SplitFn.TODO).setCoder(org.apache.beam.sdk.coders.StringUtf8Coder.of())
        .apply("ExtractVideos", ExtractVideos.with(job));
    return new ExtractOutputs(uris.getPipeline(),
        PCollectionList.of(fresh.sources()).and(carriedSources).apply("AllSources", Flatten.pCollections()),
        PCollectionList.of(fresh.kept()).and(carriedKept).apply("AllKept", Flatten.pCollections()),
        PCollectionList.of(fresh.rejected()).and(carriedRejected).apply("AllRejected", Flatten.pCollections()),
        PCollectionList.of(fresh.frames()).and(carriedFrames).apply("AllFrames", Flatten.pCollections()),
        fresh.failed());
  }

  /** Failures of the stages this transform would redo for a video (the later stages redo their own). */
  static boolean isExtraction(String stage) {
    return stage.equals(ExtractClipsFn.STAGE) || stage.equals(RenderClipsFn.STAGE);
  }

  /** A matched video: to extract ({@link #TODO}), or done before (its records, carried over). */
  static final class SplitFn extends DoFn<KV<String, CoGbkResult>, String> {
    private static final long serialVersionUID = 1L;
    static final TupleTag<String> TODO = new TupleTag<>("todo") {};
    private final Counter reused = ExtractMetrics.counter(ExtractMetrics.VIDEOS_REUSED);
    private final Counter matchedCount = ExtractMetrics.counter(ExtractMetrics.VIDEOS_MATCHED);
    private final Counter doneCount = ExtractMetrics.counter(ExtractMetrics.VIDEOS_DONE);
    private final Counter keptCount = ExtractMetrics.counter(ExtractMetrics.CLIPS_REUSED);
    private final Counter rejectedCount = ExtractMetrics.counter(ExtractMetrics.CLIPS_REJECTED);

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, MultiOutputReceiver out) throws IOException {
      CoGbkResult r = e.getValue();
      if (!r.getAll(MATCHED).iterator().hasNext()) {
        return; // extracted by an earlier run, no longer in the input
      }
      VideoSource source = r.getOnly(SOURCE, null);
      boolean failedBefore = r.getAll(FAILED).iterator().hasNext();
      if (source == null || failedBefore || !sameSize(e.getKey(), source.getSizeBytes())) {
        out.get(TODO).output(e.getKey());
        return;
      }
      matchedCount.inc();
      doneCount.inc();
      reused.inc();
      out.get(SOURCE).output(source);
      for (Clip c : r.getAll(KEPT)) {
        keptCount.inc();
        out.get(KEPT).output(c);
      }
      for (Clip c : r.getAll(REJECTED)) {
        rejectedCount.inc();
        for (CharSequence tag : c.getTags()) {
          ExtractMetrics.counter(ExtractMetrics.REJECTED_PREFIX + tag).inc();
        }
        out.get(REJECTED).output(c);
      }
    }

    private static boolean sameSize(String uri, long size) throws IOException {
      try {
        return FileSystems.matchSingleFileSpec(uri).sizeBytes() == size;
      } catch (java.io.FileNotFoundException gone) {
        return false; // extract it again, and let extraction report the missing file
      }
    }
  }

  /** The previous frames of the kept clips carried over; frames of any other clip are dropped. */
  static final class CarryFramesFn extends DoFn<KV<String, CoGbkResult>, SampledFrame> {
    private static final long serialVersionUID = 1L;
    private final Counter frames = ExtractMetrics.counter(ExtractMetrics.FRAMES_REUSED);

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, OutputReceiver<SampledFrame> out) {
      if (e.getValue().getOnly(KEPT, null) == null) {
        return;
      }
      for (SampledFrame f : e.getValue().getAll(FRAME)) {
        frames.inc();
        out.output(f);
      }
    }
  }
}
