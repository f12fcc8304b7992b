package dev.reelscribe.frames.encode;

import java.nio.file.Path;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.videoio.VideoWriter;
import org.opencv.videoio.Videoio;

/**
 * Writes frames to an H.264 mp4 (libx264 through OpenCV's FFmpeg backend, yuv420p). Odd frame sizes
 * are cropped by one pixel, as yuv420p needs even sizes. Not thread-safe.
 */
public final class ClipWriter implements AutoCloseable {
  private final VideoWriter writer;
  private final Path file;
  private final int width;
  private final int height;
  private long written;

  private ClipWriter(VideoWriter writer, Path file, int width, int height) {
    this.writer = writer;
    this.file = file;
    this.width = width;
    this.height = height;
  }

  /** Opens {@code file} for writing; throws {@link IllegalStateException} if no H.264 encoder opens. */
  public static ClipWriter open(Path file, double fps, int width, int height) {
    int w = width & ~1;
    int h = height & ~1;
    VideoWriter writer =
        new VideoWriter(file.toString(), Videoio.CAP_FFMPEG, VideoWriter.fourcc('a', 'v', 'c', '1'),
            fps, new Size(w, h), true);
    if (!writer.isOpened()) {
      writer.release();
      throw new IllegalStateException("cannot open an H.264 mp4 writer for " + file);
    }
    return new ClipWriter(writer, file, w, h);
  }

  public void write(Mat bgr) {
    if (bgr.cols() != width || bgr.rows() != height) {
      Mat cropped = bgr.submat(new Rect(0, 0, width, height));
      writer.write(cropped);
      cropped.release();
    } else {
      writer.write(bgr);
    }
    written++;
  }

  public long framesWritten() {
    return written;
  }

  public Path file() {
    return file;
  }

  @Override
  public void close() {
    writer.release();
  }
}
