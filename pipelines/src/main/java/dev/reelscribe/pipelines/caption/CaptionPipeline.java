package dev.reelscribe.pipelines.caption;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.pipelines.extract.ExtractJob;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import dev.reelscribe.pipelines.extract.ExtractOutputs;
import dev.reelscribe.pipelines.extract.ExtractPipeline;
import dev.reelscribe.pipelines.fuse.FuseClips;
import dev.reelscribe.pipelines.fuse.FuseClipsFn;
import dev.reelscribe.pipelines.corpus.CorpusSpec;
import dev.reelscribe.pipelines.corpus.WriteCorpus;
import dev.reelscribe.pipelines.io.WriteRecords;
import dev.reelscribe.schemas.DenseCaption;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.FrameCaption;
import dev.reelscribe.schemas.SampledFrame;
import java.io.IOException;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The caption job:
 *
 * <ol>
 *   <li>the extraction job (clips, sampled frames);
 *   <li>every sampled frame of every kept clip through the frame captioner;
 *   <li>when a fuser is given, each clip's frame captions fused into one dense description.
 * </ol>
 *
 * Writes what {@code extract} writes plus
 *
 * <pre>
 * OUT/records/frame-captions/part-*.{parquet,jsonl}   FrameCaption (clipId, frame, time, text, model)
 * OUT/records/dense-captions/part-*.{parquet,jsonl}   DenseCaption (clipId, text, sources, model, prompt, flags)
 * </pre>
 *
 * and the captioning and fusion failures with the others in {@code OUT/failed/}; with a corpus spec,
 * also the corpus ({@link WriteCorpus}: Parquet/JSONL records, WebDataset shards, the CogVideoX
 * layout).
 */
public final class CaptionPipeline {
  private CaptionPipeline() {}

  public static PCollection<FrameCaption> applyTransforms(Pipeline pipeline, ExtractOptions options,
      CaptionerSpec spec) throws IOException {
    return applyTransforms(pipeline, options, spec, null);
  }

  /** As above; with a non-null {@code fuser}, also fuses and writes dense descriptions. */
  public static PCollection<FrameCaption> applyTransforms(Pipeline pipeline, ExtractOptions options,
      CaptionerSpec spec, FuserSpec fuser) throws IOException {
    return applyTransforms(pipeline, options, spec, fuser, null);
  }

  /**
   * As above; with a non-null {@code fuser} and {@code corpus}, also writes the corpus: kept clips
   * with their dense captions, in the formats {@code corpus} names ({@link WriteCorpus}).
   */
  public static PCollection<FrameCaption> applyTransforms(Pipeline pipeline, ExtractOptions options,
      CaptionerSpec spec, FuserSpec fuser, CorpusSpec corpus) throws IOException {
    if (corpus != null && fuser == null && !corpus.formats().isEmpty()) {
      throw new IllegalArgumentException("the corpus pairs clips with dense captions: it needs a fuser");
    }
    ExtractJob job = ExtractJob.from(options);
    ExtractOutputs out = ExtractPipeline.extract(pipeline, options);
    PCollection<SampledFrame> toCaption = out.frames();
    PCollection<FrameCaption> reused = null;
    if (job.previous() != null) {
      PCollectionTuple reuse = out.frames().apply("ReuseFrameCaptions",
          ReuseFrameCaptions.from(job.previousRecordsDir("frame-captions"), spec));
      toCaption = reuse.get(ReuseFrameCaptions.TO_CAPTION);
      reused = reuse.get(ReuseFrameCaptions.REUSED);
    }
    PCollectionTuple captioned = toCaption.apply("CaptionFrames",
        ParDo.of(new CaptionFramesFn(spec, spec.batchSize()))
            .withOutputTags(CaptionFramesFn.CAPTIONS, TupleTagList.of(CaptionFramesFn.FAILED)));
    PCollection<FrameCaption> captions =
        captioned.get(CaptionFramesFn.CAPTIONS).setCoder(AvroCoder.of(FrameCaption.class));
    if (reused != null) {
      captions = PCollectionList.of(reused).and(captions).apply("AllFrameCaptions", Flatten.pCollections());
    }
    PCollection<FailedRecord> captionFailed =
        captioned.get(CaptionFramesFn.FAILED).setCoder(AvroCoder.of(FailedRecord.class));
    PCollectionList<FailedRecord> failures = PCollectionList.of(out.failed()).and(captionFailed);
    if (fuser != null) {
      PCollectionTuple fused = FuseClips.apply(out.kept(), captions, captionFailed, fuser,
          job.previousRecordsDir("dense-captions"));
      PCollection<DenseCaption> dense = fused.get(FuseClipsFn.CAPTIONS);
      dense.apply("WriteDenseCaptions", WriteRecords.to(job.recordsDir("dense-captions"), DenseCaption.getClassSchema()));
      if (corpus != null && !corpus.formats().isEmpty()) {
        WriteCorpus.apply(out.kept(), dense, corpus, job.staging(), job.output());
      }
      failures = failures.and(fused.get(FuseClipsFn.FAILED));
    }
    PCollection<FailedRecord> failed = failures.apply("AllStageFailures", Flatten.pCollections());
    ExtractPipeline.write(out, job, failed);
    captions.apply("WriteFrameCaptions",
        WriteRecords.to(job.recordsDir("frame-captions"), FrameCaption.getClassSchema()));
    return captions;
  }
}
