package dev.reelscribe.pipelines.fuse;

import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.CaptionFusers;
import dev.reelscribe.fuser.CaptionGate;
import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.FusionOutcome;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.pipelines.batch.BundleBatch;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.DenseCaption;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.FrameCaption;
import dev.reelscribe.schemas.ModelRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * One clip's record, frame captions and caption failures in (joined by clip id), its dense
 * description out. A clip with a frame that could not be captioned is not fused — a description
 * from part of its frames would silently say less — and goes to the failed output with stage
 * {@code fuse}, so a rerun fuses it once its frames are captioned. Clips are buffered up to the batch
 * size and flushed at the end of each bundle; the fuser is opened once per worker JVM and each DoFn
 * instance holds its own session.
 */
public final class FuseClipsFn extends DoFn<KV<String, CoGbkResult>, DenseCaption> {
  private static final long serialVersionUID = 1L;
  public static final String STAGE = "fuse";
  public static final TupleTag<DenseCaption> CAPTIONS = new TupleTag<>("dense-captions") {};
  public static final TupleTag<FailedRecord> FAILED = new TupleTag<>("failed") {};
  static final TupleTag<Clip> CLIP = new TupleTag<>("clip") {};
  static final TupleTag<FrameCaption> FRAME_CAPTIONS = new TupleTag<>("frame-captions") {};
  static final TupleTag<FailedRecord> FRAME_FAILURES = new TupleTag<>("frame-failures") {};
  static final TupleTag<DenseCaption> PREVIOUS = new TupleTag<>("previous") {};

  private final FuserSpec spec;
  private final Counter fused = FuseMetrics.counter(FuseMetrics.CLIPS_FUSED);
  private final Counter rejected = FuseMetrics.counter(FuseMetrics.CLIPS_REJECTED);
  private final Counter failed = FuseMetrics.counter(FuseMetrics.CLIPS_FAILED);
  private final Counter skipped = FuseMetrics.counter(FuseMetrics.CLIPS_SKIPPED);
  private final Counter reused = FuseMetrics.counter(FuseMetrics.CLIPS_REUSED);
  private final Distribution tokens = FuseMetrics.distribution(FuseMetrics.TOKENS);
  private final Distribution batchMillis = FuseMetrics.distribution(FuseMetrics.BATCH_MILLIS);

  private transient CaptionFuser.Session session;
  private transient ModelRef model;
  private transient String promptVersion;
  private transient CaptionGate gate;
  private transient BundleBatch<Pending> batch;

  private record Pending(Clip clip, FusionInput input, List<FrameCaption> sources) {}

  public FuseClipsFn(FuserSpec spec) {
    this.spec = spec;
  }

  @Setup
  public void setup() {
    CaptionFuser fuser = CaptionFusers.shared(spec);
    model = fuser.model();
    promptVersion = fuser.prompt().version();
    gate = spec.gate();
    session = fuser.open();
  }

  @StartBundle
  public void startBundle() {
    batch = new BundleBatch<>(spec.batchSize());
  }

  @ProcessElement
  public void process(@Element KV<String, CoGbkResult> element, @Timestamp Instant timestamp, BoundedWindow window,
      MultiOutputReceiver out) {
    Clip clip = element.getValue().getOnly(CLIP, null);
    List<FrameCaption> captions = new ArrayList<>();
    element.getValue().getAll(FRAME_CAPTIONS).forEach(captions::add);
    List<FailedRecord> frameFailures = new ArrayList<>();
    element.getValue().getAll(FRAME_FAILURES).forEach(frameFailures::add);
    if (clip == null && captions.isEmpty() && frameFailures.isEmpty()) {
      return; // only an earlier run's caption, of a clip no longer in the input
    }
    if (clip == null) {
      // every frame (and so every caption and caption failure) comes from a kept clip of this run;
      // anything else is a wiring error, not bad data, so fail the bundle rather than drop it
      throw new IllegalStateException("frame captions for clip " + element.getKey() + ", which is not a kept clip");
    }
    if (!frameFailures.isEmpty() || captions.isEmpty()) {
      skipped.inc();
      out.get(FAILED).output(failure(clip, "FramesNotCaptioned", captions.isEmpty() && frameFailures.isEmpty()
          ? "the clip has no sampled frames to fuse"
          : frameFailures.size() + " of " + (frameFailures.size() + captions.size())
              + " frames have no caption (see their caption-frames failures); fused once they are captioned", 1));
      return;
    }
    captions.sort(Comparator.comparingDouble(FrameCaption::getTimestampSeconds));
    double duration = Math.max(1e-3, clip.getEndSeconds() - clip.getStartSeconds());
    FusionInput input = CaptionGate.input(element.getKey(), captions, duration, "");
    DenseCaption previous = element.getValue().getOnly(PREVIOUS, null);
    if (previous != null && reusable(previous, captions)) {
      // the same model and prompt on the same frame captions: its text again, through today's checks
      boolean complete = !previous.getQaFlags().stream().anyMatch(f -> f.toString().equals("cut_off"));
      Object routed = route(gate.judge(input, captions,
          new Generation.Text(previous.getText().toString(), complete), model, promptVersion), clip, true);
      if (routed instanceof DenseCaption d) {
        out.get(CAPTIONS).output(d);
      } else {
        out.get(FAILED).output((FailedRecord) routed);
      }
      return;
    }
    batch.add(new Pending(clip, input, captions), timestamp, window);
    if (batch.full()) {
      flush(BundleBatch.emitter(out));
    }
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    flush(BundleBatch.emitter(context));
  }

  private void flush(BundleBatch.Emitter out) {
    if (batch.isEmpty()) {
      return;
    }
    List<BundleBatch.Entry<Pending>> entries = batch.drain();
    long t0 = System.nanoTime();
    List<Generation> results = session.fuse(entries.stream().map(e -> e.element().input()).toList());
    batchMillis.update((System.nanoTime() - t0) / 1_000_000);
    for (int i = 0; i < entries.size(); i++) {
      BundleBatch.Entry<Pending> entry = entries.get(i);
      Pending p = entry.element();
      Object routed = route(gate.judge(p.input(), p.sources(), results.get(i), model, promptVersion), p.clip(), false);
      if (routed instanceof DenseCaption d) {
        out.emit(CAPTIONS, d, entry);
      } else {
        out.emit(FAILED, (FailedRecord) routed, entry);
      }
    }
  }

  /** The caption of a kept outcome (for {@link #CAPTIONS}), or the failure a rejected or failed one becomes. */
  private Object route(FusionOutcome outcome, Clip clip, boolean reusedText) {
    if (outcome instanceof FusionOutcome.Kept kept) {
      (reusedText ? reused : fused).inc();
      tokens.update(kept.caption().getTokenCount());
      return kept.caption();
    }
    if (outcome instanceof FusionOutcome.Rejected r) {
      rejected.inc();
      return failure(clip, "QaRejected", r.reason() + "; text: " + excerpt(r.text()), 1);
    }
    FusionOutcome.Failed f = (FusionOutcome.Failed) outcome;
    failed.inc();
    return failure(clip, f.errorClass(), f.message(), f.attempts());
  }

  /** A previous caption still stands if the same model and prompt made it from the same frame captions. */
  private boolean reusable(DenseCaption previous, List<FrameCaption> captions) {
    return model.equals(previous.getModel())
        && promptVersion.equals(previous.getPromptVersion().toString())
        && previous.getFrameCaptions().equals(captions);
  }

  private static FailedRecord failure(Clip clip, String errorClass, String message, int attempts) {
    return FailedRecord.newBuilder()
        .setStage(STAGE)
        .setInputUri(clip.getSourceUri())
        .setKey(clip.getClipId())
        .setErrorClass(errorClass)
        .setMessage(message)
        .setAttempt(attempts)
        .setStackTrace(null)
        .build();
  }

  private static String excerpt(String text) {
    String flat = text.replaceAll("\\s+", " ");
    return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
  }

  @Teardown
  public void teardown() {
    if (session != null) {
      session.close();
    }
  }
}
