package dev.reelscribe.synthworld.render;

import dev.reelscribe.synthworld.script.Background;
import dev.reelscribe.synthworld.script.BackgroundColour;
import java.util.SplittableRandom;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Paints a background onto a canvas twice the frame size that covers world coordinates [-0.5, 1.5]
 * on both axes, so a panning or zooming camera always has background to show.
 */
final class BackgroundPainter {
  /** World units between grid lines. */
  static final double GRID_STEP = 0.125;

  private BackgroundPainter() {}

  static Mat paint(Background background, int width, int height, long seed) {
    int cw = 2 * width;
    int ch = 2 * height;
    Mat canvas = new Mat(ch, cw, CvType.CV_8UC3, scalar(background.colour().bgr()));
    switch (background.kind()) {
      case SOLID -> { }
      case GRADIENT -> gradient(canvas, background.colour(), background.second(), height);
      case GRID -> grid(canvas, background.colour(), width, height);
      case NOISE -> noise(canvas, background.colour(), seed);
    }
    return canvas;
  }

  private static void gradient(Mat canvas, BackgroundColour from, BackgroundColour to, int height) {
    double[] a = from.bgr();
    double[] b = to.bgr();
    byte[] row = new byte[canvas.cols() * 3];
    for (int y = 0; y < canvas.rows(); y++) {
      double world = y / (double) height - 0.5;
      double t = Math.max(0, Math.min(1, world));
      for (int x = 0; x < canvas.cols(); x++) {
        for (int c = 0; c < 3; c++) {
          row[x * 3 + c] = (byte) Math.round(a[c] + (b[c] - a[c]) * t);
        }
      }
      canvas.put(y, 0, row);
    }
  }

  private static void grid(Mat canvas, BackgroundColour colour, int width, int height) {
    double[] c = colour.bgr();
    Scalar line = new Scalar(Math.min(255, c[0] + 70), Math.min(255, c[1] + 70), Math.min(255, c[2] + 70));
    int thickness = Math.max(1, Math.min(width, height) / 96);
    for (double w = -0.5; w <= 1.5 + 1e-9; w += GRID_STEP) {
      int x = (int) Math.round((w + 0.5) * width);
      int y = (int) Math.round((w + 0.5) * height);
      Imgproc.line(canvas, new Point(x, 0), new Point(x, canvas.rows()), line, thickness);
      Imgproc.line(canvas, new Point(0, y), new Point(canvas.cols(), y), line, thickness);
    }
  }

  private static void noise(Mat canvas, BackgroundColour colour, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int cells = 24;
    double[] c = colour.bgr();
    byte[] small = new byte[cells * cells * 3];
    for (int i = 0; i < cells * cells; i++) {
      double d = (random.nextDouble() - 0.5) * 90;
      for (int k = 0; k < 3; k++) {
        small[i * 3 + k] = (byte) Math.max(0, Math.min(255, Math.round(c[k] + d)));
      }
    }
    Mat low = new Mat(cells, cells, CvType.CV_8UC3);
    low.put(0, 0, small);
    Imgproc.resize(low, canvas, new Size(canvas.cols(), canvas.rows()), 0, 0, Imgproc.INTER_CUBIC);
    low.release();
  }

  static Scalar scalar(double[] bgr) {
    return new Scalar(bgr[0], bgr[1], bgr[2]);
  }
}
