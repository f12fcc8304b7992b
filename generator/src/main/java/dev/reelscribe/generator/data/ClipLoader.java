package dev.reelscribe.generator.data;

import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import java.nio.file.Path;
import java.time.Duration;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes a clip for training: the first {@code frames} frames, cover-scaled and centre-cropped to
 * {@code size×size}, as RGB bytes {@code [3, frames, size, size]} (channel-major, as the VAE reads
 * them). A clip with fewer frames, or one that does not decode, is a failure with the reason.
 */
public final class ClipLoader {
  private ClipLoader() {}

  public static Result<byte[]> load(Path video, int frames, int size) {
    Result<FrameReader> opened = FrameReader.open(video, Deadline.after(Duration.ofMinutes(2)));
    if (!(opened instanceof Result.Ok<FrameReader> ok)) {
      Result.Failed<FrameReader> f = (Result.Failed<FrameReader>) opened;
      return Result.failed(f.kind(), f.reason());
    }
    byte[] out = new byte[3 * frames * size * size];
    Mat frame = new Mat();
    Mat fitted = new Mat();
    Mat rgb = new Mat();
    byte[] row = new byte[size * size * 3];
    try (FrameReader reader = ok.value()) {
      for (int t = 0; t < frames; t++) {
        if (!reader.read(frame)) {
          return Result.failed(dev.reelscribe.frames.FailureKind.TRUNCATED,
              video.getFileName() + " has " + t + " decodable frames, " + frames + " needed");
        }
        cover(frame, size, fitted);
        Imgproc.cvtColor(fitted, rgb, Imgproc.COLOR_BGR2RGB);
        rgb.get(0, 0, row);
        for (int p = 0; p < size * size; p++) {
          for (int c = 0; c < 3; c++) {
            out[((c * frames) + t) * size * size + p] = row[p * 3 + c];
          }
        }
      }
      return Result.ok(out);
    } finally {
      frame.release();
      fitted.release();
      rgb.release();
    }
  }

  /** Scales so the shorter side is {@code size}, then crops the centre square. */
  static void cover(Mat frame, int size, Mat out) {
    double scale = (double) size / Math.min(frame.cols(), frame.rows());
    int w = Math.max(size, (int) Math.round(frame.cols() * scale));
    int h = Math.max(size, (int) Math.round(frame.rows() * scale));
    Mat scaled = new Mat();
    Imgproc.resize(frame, scaled, new Size(w, h), 0, 0, scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
    scaled.submat(new Rect((w - size) / 2, (h - size) / 2, size, size)).copyTo(out);
    scaled.release();
  }
}
