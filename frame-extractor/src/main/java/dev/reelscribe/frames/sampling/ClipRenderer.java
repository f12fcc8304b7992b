package dev.reelscribe.frames.sampling;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import dev.reelscribe.frames.decode.TimeBound;
import dev.reelscribe.frames.encode.ClipWriter;
import dev.reelscribe.frames.shots.ClipSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opencv.core.Mat;

/**
 * Decodes one clip's span once, sampling frames to JPEG and, if asked, writing the span to an H.264
 * mp4. A span that no longer decodes (fewer frames than the analysis counted) fails with {@link
 * FailureKind#DECODE_ERROR}; an encoder failure with {@link FailureKind#ENCODE_ERROR}.
 *
 * <pre>{@code
 * Result<RenderedClip> r = new ClipRenderer(SamplingConfig.defaults(), Duration.ofMinutes(5))
 *     .render(video, span, fps, Optional.of(Path.of("clip.mp4")));
 * }</pre>
 */
public final class ClipRenderer {
  private final SamplingConfig sampling;
  private final Duration timeout;

  public ClipRenderer(SamplingConfig sampling, Duration timeout) {
    this.sampling = sampling;
    this.timeout = timeout;
  }

  public Result<RenderedClip> render(Path video, ClipSpan span, double fps, Optional<Path> clipFile) {
    return TimeBound.run(video.getFileName() + "@" + span.startFrame(), timeout,
        () -> renderNow(video, span, fps, clipFile));
  }

  private Result<RenderedClip> renderNow(Path video, ClipSpan span, double fps, Optional<Path> clipFile) {
    Result<FrameReader> opened = FrameReader.open(video, Deadline.after(timeout));
    if (opened instanceof Result.Failed<FrameReader> f) {
      return Result.failed(f.kind(), f.reason());
    }
    long[] wanted = sampling.strategy().frames(span.startFrame(), span.endFrame(), fps);
    List<EncodedFrame> frames = new ArrayList<>(wanted.length);
    Mat frame = new Mat();
    ClipWriter writer = null;
    try (FrameReader reader = ((Result.Ok<FrameReader>) opened).value();
        FrameEncoder encoder = new FrameEncoder(sampling.maxSide(), sampling.jpegQuality())) {
      if (!reader.seek(span.startFrame())) {
        return Result.failed(FailureKind.DECODE_ERROR,
            "stream ended before frame " + span.startFrame() + " while seeking to the clip");
      }
      if (clipFile.isPresent()) {
        writer = ClipWriter.open(clipFile.get(), fps, reader.info().width(), reader.info().height());
      }
      int next = 0;
      for (long f = span.startFrame(); f < span.endFrame(); f++) {
        boolean needed = next < wanted.length && wanted[next] == f;
        if (writer == null && !needed) {
          if (next >= wanted.length) {
            break;
          }
          if (!reader.skip()) {
            return ended(f, span);
          }
          continue;
        }
        if (!reader.read(frame)) {
          return ended(f, span);
        }
        if (needed) {
          frames.add(encoder.encode(frame, next, f, (f - span.startFrame()) / fps));
          next++;
        }
        if (writer != null) {
          writer.write(frame);
        }
      }
      long encoded = writer == null ? 0 : writer.framesWritten();
      return Result.ok(new RenderedClip(List.copyOf(frames), encoded));
    } catch (IllegalStateException e) {
      return Result.failed(FailureKind.ENCODE_ERROR, e.getMessage());
    } finally {
      if (writer != null) {
        writer.close();
      }
      frame.release();
    }
  }

  private static Result<RenderedClip> ended(long frame, ClipSpan span) {
    return Result.failed(FailureKind.DECODE_ERROR,
        "stream ended at frame " + frame + " inside clip [" + span.startFrame() + ", "
            + span.endFrame() + ")");
  }
}
