package dev.reelscribe.frames.sampling;

import dev.reelscribe.frames.analysis.Resize;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/** Resizes a frame to a bounded longest side and encodes it as JPEG. Not thread-safe. */
public final class FrameEncoder implements AutoCloseable {
  private final int maxSide;
  private final MatOfInt params;
  private final Mat resized = new Mat();
  private final MatOfByte buffer = new MatOfByte();

  public FrameEncoder(int maxSide, int jpegQuality) {
    this.maxSide = maxSide;
    this.params = new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality);
  }

  public EncodedFrame encode(Mat bgr, int index, long sourceFrame, double timestampSeconds) {
    Resize.toLongestSide(bgr, resized, maxSide, Imgproc.INTER_AREA);
    if (!Imgcodecs.imencode(".jpg", resized, buffer, params)) {
      throw new IllegalStateException("JPEG encoding failed for frame " + sourceFrame);
    }
    return new EncodedFrame(index, sourceFrame, timestampSeconds, resized.cols(), resized.rows(), buffer.toArray());
  }

  @Override
  public void close() {
    params.release();
    resized.release();
    buffer.release();
  }
}
