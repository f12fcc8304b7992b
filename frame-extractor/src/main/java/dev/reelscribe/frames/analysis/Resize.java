package dev.reelscribe.frames.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Resizing with a bounded longest side, keeping the aspect ratio. */
public final class Resize {
  private Resize() {}

  /** The size {@code (w,h)} scaled so its longest side is at most {@code maxSide}; never upscales. */
  public static Size bounded(int width, int height, int maxSide) {
    int longest = Math.max(width, height);
    if (longest <= maxSide) {
      return new Size(width, height);
    }
    double s = (double) maxSide / longest;
    return new Size(Math.max(1, Math.round(width * s)), Math.max(1, Math.round(height * s)));
  }

  /** Resizes {@code src} into {@code dst} with its longest side at most {@code maxSide}. */
  public static void toLongestSide(Mat src, Mat dst, int maxSide, int interpolation) {
    Size target = bounded(src.cols(), src.rows(), maxSide);
    if (target.width == src.cols() && target.height == src.rows()) {
      src.copyTo(dst);
    } else {
      Imgproc.resize(src, dst, target, 0, 0, interpolation);
    }
  }
}
