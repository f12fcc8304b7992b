package dev.reelscribe.frames.encode;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Re-times a clip to a {@link Retiming}: output frame k shows the source frame nearest to time
 * k / fps (frames are dropped or repeated, never blended), scaled to cover the output size and
 * cropped at the centre, and written as H.264. The first {@code frames} output frames are written;
 * a clip too short to fill them yields {@link FailureKind#NO_FRAMES} with the reason, and no file.
 */
public final class Retimer {
  private Retimer() {}

  /** Writes {@code target}; returns the number of frames written. */
  public static Result<Integer> retime(Path source, Path target, Retiming spec, Deadline deadline) {
    Result<FrameReader> opened = FrameReader.open(source, deadline);
    if (!(opened instanceof Result.Ok<FrameReader> ok)) {
      Result.Failed<FrameReader> f = (Result.Failed<FrameReader>) opened;
      return Result.failed(f.kind(), f.reason());
    }
    double sourceFps = ok.value().info().fps();
    if (!(sourceFps > 0)) {
      ok.value().close();
      return Result.failed(FailureKind.UNREADABLE, "the clip states no frame rate");
    }
    int written = 0;
    Mat frame = new Mat();
    Mat scaled = new Mat();
    try (FrameReader reader = ok.value(); ClipWriter writer = ClipWriter.open(target, spec.fps(), spec.width(),
        spec.height())) {
      long index = -1;
      while (written < spec.frames()) {
        long wanted = Math.round(written * sourceFps / spec.fps());
        while (index < wanted) {
          if (!reader.read(frame)) {
            break;
          }
          index++;
        }
        if (index < wanted) {
          break;
        }
        cover(frame, scaled, spec.width(), spec.height());
        writer.write(scaled);
        written++;
      }
    } catch (RuntimeException e) {
      delete(target);
      return Result.failed(FailureKind.ENCODE_ERROR, "cannot re-time the clip: " + e.getMessage());
    } finally {
      frame.release();
      scaled.release();
    }
    if (written < spec.frames()) {
      delete(target);
      return Result.failed(FailureKind.NO_FRAMES, String.format(java.util.Locale.ROOT,
          "the clip is too short: %d of %d frames at %.3g fps (%.2f s needed)", written, spec.frames(), spec.fps(),
          spec.seconds()));
    }
    return Result.ok(written);
  }

  /** Scales {@code src} to cover {@code width × height}, keeping its aspect, and crops the centre. */
  static void cover(Mat src, Mat dst, int width, int height) {
    double scale = Math.max((double) width / src.cols(), (double) height / src.rows());
    int w = Math.max(width, (int) Math.round(src.cols() * scale));
    int h = Math.max(height, (int) Math.round(src.rows() * scale));
    Mat resized = new Mat();
    Imgproc.resize(src, resized, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    Mat centre = resized.submat(new Rect((w - width) / 2, (h - height) / 2, width, height));
    centre.copyTo(dst);
    centre.release();
    resized.release();
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // best effort: the caller reports the failure that brought us here
    }
  }
}
