package dev.reelscribe.pipelines.extract;

import dev.reelscribe.frames.ClipExtractor;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.sampling.ClipRenderer;
import dev.reelscribe.frames.sampling.EncodedFrame;
import dev.reelscribe.frames.sampling.RenderedClip;
import dev.reelscribe.frames.sampling.SamplingConfig;
import dev.reelscribe.pipelines.io.LocalCopy;
import dev.reelscribe.pipelines.records.Failures;
import dev.reelscribe.schemas.Clip;
import dev.reelscribe.schemas.FailedRecord;
import dev.reelscribe.schemas.SampledFrame;
import java.io.FileNotFoundException;
import java.io.IOException;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Decodes a kept clip's span once: samples its frames ({@link #FRAMES}) and, if asked, publishes the
 * clip as {@code <clipsDir>/<clipId>.mp4} unless that file is already there (an earlier, perhaps
 * killed, run made it). Main output: the clip with {@code clipUri} set. A clip that
 * no longer decodes goes to {@link #FAILED}.
 *
 * <p>Clips of one video usually arrive together, so the last remote source stays cached locally.
 */
public final class RenderClipsFn extends DoFn<Clip, Clip> {
  private static final long serialVersionUID = 1L;
  public static final String STAGE = "render";
  public static final TupleTag<Clip> RENDERED = new TupleTag<>() {};
  public static final TupleTag<SampledFrame> FRAMES = new TupleTag<>() {};
  public static final TupleTag<FailedRecord> FAILED = new TupleTag<>() {};

  private final SamplingConfig sampling;
  private final Duration timeout;
  private final String clipsDir;
  private transient ClipRenderer renderer;
  private transient LocalCopy cached;
  private transient Path scratch;
  private final Counter rendered = ExtractMetrics.counter(ExtractMetrics.CLIPS_RENDERED);
  private final Counter failed = ExtractMetrics.counter(ExtractMetrics.CLIPS_FAILED);
  private final Counter frames = ExtractMetrics.counter(ExtractMetrics.FRAMES_SAMPLED);
  private final Counter reusedFiles = ExtractMetrics.counter(ExtractMetrics.CLIP_FILES_REUSED);

  /** @param clipsDir where clip files go, or null to write none */
  public RenderClipsFn(SamplingConfig sampling, Duration timeout, String clipsDir) {
    this.sampling = sampling;
    this.timeout = timeout;
    this.clipsDir = clipsDir;
  }

  @Setup
  public void setup() throws IOException {
    renderer = new ClipRenderer(sampling, timeout);
    scratch = Files.createTempDirectory("reelscribe-render-");
    // runners need not call @Teardown (the DirectRunner often does not): the JVM removes it then,
    // as it is empty between elements
    scratch.toFile().deleteOnExit();
  }

  @ProcessElement
  public void process(@Element Clip clip, MultiOutputReceiver out) throws IOException {
    LocalCopy source;
    try {
      source = localSource(clip.getSourceUri());
    } catch (FileNotFoundException e) {
      failed.inc();
      out.get(FAILED).output(Failures.of(STAGE, clip.getSourceUri(), clip.getClipId(), e));
      return;
    }
    Path localClip = scratch.resolve(clip.getClipId() + ".mp4");
    String clipUri = clipsDir == null ? null : clipsDir + "/" + clip.getClipId() + ".mp4";
    // the id is content-addressed and files are published atomically: one that exists is this clip
    boolean encode = clipUri != null && !LocalCopy.exists(clipUri);
    try {
      Result<RenderedClip> result = renderer.render(source.path(), ClipExtractor.spanOf(clip),
          clip.getFps(), encode ? Optional.of(localClip) : Optional.empty());
      if (result instanceof Result.Failed<RenderedClip> f) {
        failed.inc();
        out.get(FAILED).output(Failures.of(STAGE, clip.getSourceUri(), clip.getClipId(), f));
        return;
      }
      RenderedClip r = ((Result.Ok<RenderedClip>) result).value();
      if (encode) {
        LocalCopy.publish(localClip, clipUri);
      } else if (clipUri != null) {
        reusedFiles.inc();
      }
      for (EncodedFrame f : r.frames()) {
        out.get(FRAMES).output(SampledFrame.newBuilder()
            .setClipId(clip.getClipId())
            .setIndex(f.index())
            .setSourceFrame(f.sourceFrame())
            .setTimestampSeconds(f.timestampSeconds())
            .setWidth(f.width())
            .setHeight(f.height())
            .setJpeg(ByteBuffer.wrap(f.jpeg()))
            .build());
      }
      frames.inc(r.frames().size());
      rendered.inc();
      out.get(RENDERED).output(Clip.newBuilder(clip).setClipUri(clipUri).build());
    } finally {
      Files.deleteIfExists(localClip);
    }
  }

  private LocalCopy localSource(String uri) throws IOException {
    if (cached != null && cached.uri().equals(uri)) {
      return cached;
    }
    if (cached != null) {
      cached.close();
      cached = null;
    }
    cached = LocalCopy.of(uri);
    return cached;
  }

  @Teardown
  public void teardown() throws IOException {
    if (cached != null) {
      cached.close();
    }
    if (scratch != null) {
      Files.deleteIfExists(scratch);
    }
  }
}
