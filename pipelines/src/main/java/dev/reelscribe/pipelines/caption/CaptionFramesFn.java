package dev.reelscribe.pipelines.caption;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.pipelines.batch.BundleBatch;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.FrameCaption;
import dev.reelscribe.schemas.ModelRef;
import dev.reelscribe.schemas.SampledFrame;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Distribution;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;

/**
 * Sampled frames in, frame captions out, in batches. The captioner is opened once per worker JVM
 * ({@link FrameCaptioners#shared}) and each DoFn instance holds its own session (for a local model,
 * its own DJL predictor). Frames are buffered up to the batch size and flushed at the end of each
 * bundle; a frame the model cannot caption becomes a {@link FailedRecord} of stage {@code
 * caption-frames}.
 */
public final class CaptionFramesFn extends DoFn<SampledFrame, FrameCaption> {
  private static final long serialVersionUID = 1L;
  public static final String STAGE = "caption-frames";
  public static final TupleTag<FrameCaption> CAPTIONS = new TupleTag<>("captions") {};
  public static final TupleTag<FailedRecord> FAILED = new TupleTag<>("failed") {};

  private final CaptionerSpec spec;
  private final int batchSize;
  private final Counter captioned = CaptionMetrics.counter(CaptionMetrics.FRAMES_CAPTIONED);
  private final Counter failed = CaptionMetrics.counter(CaptionMetrics.FRAMES_FAILED);
  private final Distribution words = CaptionMetrics.distribution(CaptionMetrics.CAPTION_WORDS);
  private final Distribution batchMillis = CaptionMetrics.distribution(CaptionMetrics.BATCH_MILLIS);

  private transient FrameCaptioner.Session session;
  private transient ModelRef model;
  private transient BundleBatch<SampledFrame> batch;

  public CaptionFramesFn(CaptionerSpec spec, int batchSize) {
    this.spec = spec;
    this.batchSize = batchSize;
  }

  @Setup
  public void setup() {
    FrameCaptioner captioner = FrameCaptioners.shared(spec);
    model = captioner.model();
    session = captioner.open();
  }

  @StartBundle
  public void startBundle() {
    batch = new BundleBatch<>(batchSize);
  }

  @ProcessElement
  public void process(@Element SampledFrame frame, @Timestamp Instant timestamp, BoundedWindow window,
      MultiOutputReceiver out) {
    batch.add(frame, timestamp, window);
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
    List<BundleBatch.Entry<SampledFrame>> entries = batch.drain();
    List<FrameImage> images = new ArrayList<>(entries.size());
    for (BundleBatch.Entry<SampledFrame> e : entries) {
      images.add(new FrameImage(key(e.element()), bytes(e.element().getJpeg())));
    }
    long t0 = System.nanoTime();
    List<CaptionResult> results = session.caption(images);
    batchMillis.update((System.nanoTime() - t0) / 1_000_000);
    for (int i = 0; i < entries.size(); i++) {
      BundleBatch.Entry<SampledFrame> b = entries.get(i);
      SampledFrame f = b.element();
      CaptionResult r = results.get(i);
      if (r instanceof CaptionResult.Ok ok) {
        captioned.inc();
        words.update(ok.text().split("\\s+").length);
        out.emit(CAPTIONS, FrameCaption.newBuilder()
            .setClipId(f.getClipId())
            .setFrameIndex(f.getIndex())
            .setTimestampSeconds(f.getTimestampSeconds())
            .setText(ok.text())
            .setModel(model)
            .build(), b);
      } else {
        CaptionResult.Failed bad = (CaptionResult.Failed) r;
        failed.inc();
        out.emit(FAILED, FailedRecord.newBuilder()
            .setStage(STAGE)
            .setInputUri(f.getClipId())
            .setKey(key(f))
            .setErrorClass(bad.errorClass())
            .setMessage(bad.message())
            .setAttempt(bad.attempts())
            .setStackTrace(null)
            .build(), b);
      }
    }
  }

  static String key(SampledFrame f) {
    return f.getClipId() + "#" + f.getIndex();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    ByteBuffer b = buffer.duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  @Teardown
  public void teardown() {
    if (session != null) {
      session.close();
    }
  }
}
