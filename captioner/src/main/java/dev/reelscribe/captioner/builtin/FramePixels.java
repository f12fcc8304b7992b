package dev.reelscribe.captioner.builtin;

import dev.reelscribe.frames.OpenCv;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * How a built-in captioner sees a frame: decoded, resized (area interpolation) to a square of
 * {@code size}, as planar BGR floats in [-1, 1]. Training and inference both go through here.
 */
public final class FramePixels {
  private FramePixels() {}

  /** Planar {@code [3, size, size]} floats of a JPEG/PNG image. */
  public static float[] fromEncoded(byte[] encoded, int size) {
    OpenCv.load();
    if (encoded == null || encoded.length == 0) {
      throw new IllegalArgumentException("empty image");
    }
    Mat bgr;
    try (AutoMat buf = new AutoMat(new MatOfByte(encoded))) {
      bgr = Imgcodecs.imdecode(buf.mat, Imgcodecs.IMREAD_COLOR);
    }
    try {
      if (bgr.empty()) {
        throw new IllegalArgumentException("not a decodable image (" + encoded.length + " bytes)");
      }
      return fromMat(bgr, size);
    } finally {
      bgr.release();
    }
  }

  /** Planar {@code [3, size, size]} floats of an 8-bit BGR image. */
  public static float[] fromMat(Mat bgr, int size) {
    Mat resized = new Mat();
    try {
      Mat src = bgr;
      if (bgr.cols() != size || bgr.rows() != size) {
        Imgproc.resize(bgr, resized, new Size(size, size), 0, 0, Imgproc.INTER_AREA);
        src = resized;
      }
      byte[] px = new byte[size * size * 3];
      src.get(0, 0, px);
      float[] out = new float[px.length];
      int plane = size * size;
      for (int i = 0; i < plane; i++) {
        for (int c = 0; c < 3; c++) {
          out[c * plane + i] = (px[i * 3 + c] & 0xff) / 127.5f - 1f;
        }
      }
      return out;
    } finally {
      resized.release();
    }
  }

  /** JPEG bytes of an 8-bit BGR image at the given quality. */
  public static byte[] jpeg(Mat bgr, int quality) {
    OpenCv.load();
    MatOfByte buf = new MatOfByte();
    try {
      Imgcodecs.imencode(".jpg", bgr, buf, new org.opencv.core.MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
      return buf.toArray();
    } finally {
      buf.release();
    }
  }

  private record AutoMat(Mat mat) implements AutoCloseable {
    @Override
    public void close() {
      mat.release();
    }
  }
}
