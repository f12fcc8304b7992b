package dev.reelscribe.pipelines.caption;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.pipelines.io.ReadRecords;
import dev.reelscribe.schemas.FrameCaption;
import dev.reelscribe.schemas.ModelRef;
import dev.reelscribe.schemas.SampledFrame;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keeps the frame captions a committed earlier run made with the same model: each sampled frame is
 * joined with its previous caption (by clip id, then frame index); a caption whose {@link ModelRef}
 * equals the current captioner's is reused ({@link #REUSED}), every other frame goes on to be
 * captioned ({@link #TO_CAPTION}). A changed model, or for a remote VLM a changed prompt (part of its
 * version), re-captions every frame; a frame that failed before has no caption and is captioned again.
 */
public final class ReuseFrameCaptions extends PTransform<PCollection<SampledFrame>, PCollectionTuple> {
  private static final long serialVersionUID = 1L;
  public static final TupleTag<FrameCaption> REUSED = new TupleTag<>("reused") {};
  public static final TupleTag<SampledFrame> TO_CAPTION = new TupleTag<>("to-caption") {};
  static final TupleTag<SampledFrame> FRAME = new TupleTag<>("frame") {};
  static final TupleTag<FrameCaption> PREVIOUS = new TupleTag<>("previous") {};

  private final String previousDir;
  private final CaptionerSpec spec;

  private ReuseFrameCaptions(String previousDir, CaptionerSpec spec) {
    this.previousDir = previousDir;
    this.spec = spec;
  }

  /** @param previousDir the committed {@code records/frame-captions} directory */
  public static ReuseFrameCaptions from(String previousDir, CaptionerSpec spec) {
    return new ReuseFrameCaptions(previousDir, spec);
  }

  @Override
  public PCollectionTuple expand(PCollection<SampledFrame> frames) {
    var previous = PBegin.in(frames.getPipeline())
        .apply("ReadPreviousFrameCaptions", ReadRecords.from(previousDir, FrameCaption.class))
        .apply("KeyPreviousCaptions", WithKeys.of((FrameCaption c) -> c.getClipId().toString())
            .withKeyType(TypeDescriptors.strings()));
    // by clip, not by frame: a clip's frames stay together, as the captioner's batches want them
    var keyed = frames.apply("KeyFrames", WithKeys.of((SampledFrame f) -> f.getClipId().toString())
        .withKeyType(TypeDescriptors.strings()));
    PCollectionTuple out = KeyedPCollectionTuple.of(FRAME, keyed).and(PREVIOUS, previous)
        .apply("JoinByClip", CoGroupByKey.create())
        .apply("ReuseOrCaption", ParDo.of(new ReuseFn(spec)).withOutputTags(TO_CAPTION, TupleTagList.of(REUSED)));
    out.get(REUSED).setCoder(AvroCoder.of(FrameCaption.class));
    out.get(TO_CAPTION).setCoder(AvroCoder.of(SampledFrame.class));
    return out;
  }

  static final class ReuseFn extends DoFn<KV<String, CoGbkResult>, SampledFrame> {
    private static final long serialVersionUID = 1L;
    private final CaptionerSpec spec;
    private final Counter reused = CaptionMetrics.counter(CaptionMetrics.FRAMES_REUSED);
    private transient ModelRef model;

    ReuseFn(CaptionerSpec spec) {
      this.spec = spec;
    }

    @Setup
    public void setup() {
      model = FrameCaptioners.shared(spec).model(); // the same instance CaptionFramesFn uses
    }

    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> e, MultiOutputReceiver out) {
      Map<Integer, FrameCaption> previous = new HashMap<>();
      for (FrameCaption c : e.getValue().getAll(PREVIOUS)) {
        previous.put(c.getFrameIndex(), c);
      }
      for (SampledFrame frame : e.getValue().getAll(FRAME)) {
        FrameCaption before = previous.get(frame.getIndex());
        if (before != null && model.equals(before.getModel())
            && before.getTimestampSeconds() == frame.getTimestampSeconds()) {
          reused.inc();
          out.get(REUSED).output(before);
        } else {
          out.get(TO_CAPTION).output(frame);
        }
      }
    }
  }
}
