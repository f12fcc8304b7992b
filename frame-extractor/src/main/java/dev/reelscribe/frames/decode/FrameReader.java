package dev.reelscribe.frames.decode;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.probe.ContainerInspector;
import dev.reelscribe.frames.probe.StreamInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.opencv.core.Mat;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

/**
 * Sequential frame access to one local video file through OpenCV's FFmpeg backend, bounded in time.
 *
 * <p>Every {@link #read(Mat)} checks the file's {@link Deadline} and throws {@link
 * DecodeTimeoutException} once it has passed. Not thread-safe; one reader per thread.
 *
 * <pre>{@code
 * Result<FrameReader> opened = FrameReader.open(path, Deadline.after(Duration.ofMinutes(5)));
 * if (opened instanceof Result.Ok<FrameReader> ok) {
 *   try (FrameReader reader = ok.value(); Mat frame = new Mat()) { ... }
 * }
 * }</pre>
 */
public final class FrameReader implements AutoCloseable {
  private final Path file;
  private final VideoCapture capture;
  private final StreamInfo info;
  private final Deadline deadline;
  private long position;

  private FrameReader(Path file, VideoCapture capture, StreamInfo info, Deadline deadline) {
    this.file = file;
    this.capture = capture;
    this.info = info;
    this.deadline = deadline;
  }

  /**
   * Opens a file for decoding. Fails with {@link FailureKind#IO_ERROR}, {@link
   * FailureKind#EMPTY_FILE} or {@link FailureKind#UNREADABLE}, never throws for bad input.
   */
  public static Result<FrameReader> open(Path file, Deadline deadline) {
    OpenCv.load();
    String container;
    try {
      if (!Files.isRegularFile(file)) {
        return Result.failed(FailureKind.IO_ERROR, "not a regular file: " + file);
      }
      if (Files.size(file) == 0) {
        return Result.failed(FailureKind.EMPTY_FILE, "file is empty (0 bytes)");
      }
      container = ContainerInspector.inspect(file).container();
    } catch (IOException e) {
      return Result.failed(FailureKind.IO_ERROR, "cannot read " + file + ": " + e.getMessage());
    }
    VideoCapture capture = new VideoCapture(file.toString(), Videoio.CAP_FFMPEG);
    if (!capture.isOpened()) {
      capture.release();
      return Result.failed(
          FailureKind.UNREADABLE,
          "no video decoder accepts the file (container: " + container
              + "); it is not a video or its header is damaged");
    }
    int width = (int) capture.get(Videoio.CAP_PROP_FRAME_WIDTH);
    int height = (int) capture.get(Videoio.CAP_PROP_FRAME_HEIGHT);
    double fps = capture.get(Videoio.CAP_PROP_FPS);
    if (width <= 0 || height <= 0) {
      capture.release();
      return Result.failed(FailureKind.UNREADABLE, "video stream has no frame size");
    }
    if (!(fps > 0 && fps < 1000)) {
      capture.release();
      return Result.failed(FailureKind.UNREADABLE, "video stream has no usable frame rate: " + fps);
    }
    long claimed = Math.max(0, Math.round(capture.get(Videoio.CAP_PROP_FRAME_COUNT)));
    StreamInfo info =
        new StreamInfo(container, fourcc(capture.get(Videoio.CAP_PROP_FOURCC)), width, height, fps, claimed);
    return Result.ok(new FrameReader(file, capture, info, deadline));
  }

  static String fourcc(double value) {
    int v = (int) value;
    StringBuilder sb = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      char c = (char) ((v >> (8 * i)) & 0xFF);
      if (c >= 32 && c < 127) {
        sb.append(c);
      }
    }
    String s = sb.toString().trim().toLowerCase(Locale.ROOT);
    return s.isEmpty() ? "unknown" : s;
  }

  public StreamInfo info() {
    return info;
  }

  /** Index of the frame the next {@link #read} or {@link #skip} returns. */
  public long position() {
    return position;
  }

  /** Decodes the next frame into {@code frame} (BGR); false at the end of the stream. */
  public boolean read(Mat frame) {
    checkDeadline();
    boolean ok = capture.read(frame) && !frame.empty();
    if (ok) {
      position++;
    }
    return ok;
  }

  /** Decodes and drops the next frame (cheaper than {@link #read}); false at the end. */
  public boolean skip() {
    checkDeadline();
    boolean ok = capture.grab();
    if (ok) {
      position++;
    }
    return ok;
  }

  /**
   * Moves to frame {@code target}. Forward moves within a short distance decode through; longer
   * moves seek through the demuxer (OpenCV decodes from the preceding keyframe). Returns false if the
   * stream ends first.
   */
  public boolean seek(long target) {
    if (target < position || target - position > 64) {
      capture.set(Videoio.CAP_PROP_POS_FRAMES, target);
      long now = Math.round(capture.get(Videoio.CAP_PROP_POS_FRAMES));
      position = now;
      if (now > target) {
        capture.set(Videoio.CAP_PROP_POS_FRAMES, 0);
        position = 0;
      }
    }
    while (position < target) {
      if (!skip()) {
        return false;
      }
    }
    return true;
  }

  private void checkDeadline() {
    if (deadline.passed()) {
      throw new DecodeTimeoutException(file.toString(), deadline.bound(), position);
    }
  }

  @Override
  public void close() {
    capture.release();
  }
}
