package dev.reelscribe.pipelines.fuse;

import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.pipelines.caption.CaptionFramesFn;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.pipelines.io.ReadRecords;
import dev.reelscribe.schemas.DenseCaption;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.FrameCaption;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Fuses each kept clip's frame captions into one dense description.
 *
 * <ol>
 *   <li>Key the kept clips, the frame captions and the caption-stage failures by clip id.
 *   <li>Join them ({@code CoGroupByKey}), so each clip meets all of its frames' outcomes.
 *   <li>{@link FuseClipsFn}: fuse clips whose frames all have captions, in batches; check the output;
 *       route kept descriptions, rejections and failures.
 * </ol>
 */
public final class FuseClips {
  private FuseClips() {}

  /** Outputs tagged {@link FuseClipsFn#CAPTIONS} and {@link FuseClipsFn#FAILED}. */
  public static PCollectionTuple apply(PCollection<Clip> kept, PCollection<FrameCaption> captions,
      PCollection<FailedRecord> captionFailures, FuserSpec spec) {
    return apply(kept, captions, captionFailures, spec, null);
  }

  /**
   * As above; with {@code previousDir} (a committed {@code records/dense-captions}), a clip whose
   * previous dense caption came from the same model and prompt on the same frame captions keeps it
   * (checked again by today's output checks) instead of being fused again.
   */
  public static PCollectionTuple apply(PCollection<Clip> kept, PCollection<FrameCaption> captions,
      PCollection<FailedRecord> captionFailures, FuserSpec spec, String previousDir) {
    var clips = kept.apply("KeyClips", WithKeys.of((Clip c) -> c.getClipId().toString())
        .withKeyType(TypeDescriptors.strings()));
    var frames = captions.apply("KeyFrameCaptions", WithKeys.of((FrameCaption c) -> c.getClipId().toString())
        .withKeyType(TypeDescriptors.strings()));
    var failures = captionFailures
        .apply("CaptionStageFailures", Filter.by((FailedRecord f) -> CaptionFramesFn.STAGE.equals(f.getStage().toString())))
        .apply("KeyFrameFailures", WithKeys.of((FailedRecord f) -> f.getInputUri().toString())
            .withKeyType(TypeDescriptors.strings()));
    PCollection<KV<String, DenseCaption>> previous = previousDir == null
        ? kept.getPipeline().apply("NoPreviousDenseCaptions",
            Create.empty(KvCoder.of(StringUtf8Coder.of(), AvroCoder.of(DenseCaption.class))))
        : PBegin.in(kept.getPipeline())
            .apply("ReadPreviousDenseCaptions", ReadRecords.from(previousDir, DenseCaption.class))
            .apply("KeyPreviousDense", WithKeys.of((DenseCaption d) -> d.getClipId().toString())
                .withKeyType(TypeDescriptors.strings()));
    PCollectionTuple fused = KeyedPCollectionTuple.of(FuseClipsFn.CLIP, clips)
        .and(FuseClipsFn.FRAME_CAPTIONS, frames)
        .and(FuseClipsFn.FRAME_FAILURES, failures)
        .and(FuseClipsFn.PREVIOUS, previous)
        .apply("JoinByClip", CoGroupByKey.create())
        .apply("FuseClips", ParDo.of(new FuseClipsFn(spec))
            .withOutputTags(FuseClipsFn.CAPTIONS, TupleTagList.of(FuseClipsFn.FAILED)));
    fused.get(FuseClipsFn.CAPTIONS).setCoder(AvroCoder.of(DenseCaption.class));
    fused.get(FuseClipsFn.FAILED).setCoder(AvroCoder.of(FailedRecord.class));
    return fused;
  }
}
