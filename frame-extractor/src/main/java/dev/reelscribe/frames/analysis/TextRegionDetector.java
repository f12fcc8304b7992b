package dev.reelscribe.frames.analysis;

import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds burned-in text (subtitles, titles, screen recordings) in a grey frame and returns the
 * fraction of the frame it covers.
 *
 * <p>Rendered text is a band of dense, high-contrast strokes: the morphological gradient is strong
 * and, closed horizontally, letters merge into wide, short, well-filled boxes. Natural edges rarely
 * form such boxes. This classic detector needs no model weights; it under-reports tiny or vertical
 * text and can fire on fine regular textures (fences, grilles).
 */
public final class TextRegionDetector implements AutoCloseable {
  private final Mat gradient = new Mat();
  private final Mat binary = new Mat();
  private final Mat closed = new Mat();
  private final Mat hierarchy = new Mat();
  private final Mat textMask = new Mat();
  private final Mat gradKernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(3, 3));

  /** Fraction (0–1) of {@code grey}'s area covered by text-like boxes. */
  public double textArea(Mat grey) {
    int w = grey.cols();
    int h = grey.rows();
    Imgproc.morphologyEx(grey, gradient, Imgproc.MORPH_GRADIENT, gradKernel);
    Imgproc.threshold(gradient, binary, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
    // Otsu on a flat frame picks a tiny threshold; require real contrast.
    Imgproc.threshold(gradient, closed, 40, 255, Imgproc.THRESH_BINARY);
    Core.bitwise_and(binary, closed, binary);
    int closeWidth = Math.max(5, w / 40);
    Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(closeWidth, 1));
    Imgproc.morphologyEx(binary, closed, Imgproc.MORPH_CLOSE, kernel);
    kernel.release();
    List<MatOfPoint> contours = new ArrayList<>();
    // All contours, not just outer ones: subtitles often sit inside a box whose outline is itself a
    // contour. Accepted boxes are painted into a mask so nested ones are not counted twice.
    Imgproc.findContours(closed.clone(), contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
    textMask.create(h, w, CvType.CV_8UC1);
    textMask.setTo(new org.opencv.core.Scalar(0));
    double minHeight = Math.max(6, h * 0.02);
    double maxHeight = h * 0.2;
    for (MatOfPoint c : contours) {
      Rect r = Imgproc.boundingRect(c);
      c.release();
      if (r.height < minHeight || r.height > maxHeight || r.width < 2.5 * r.height || r.width < w * 0.04) {
        continue;
      }
      Mat roi = binary.submat(r);
      double fill = Core.countNonZero(roi) / (double) r.area();
      roi.release();
      Mat roiClosed = closed.submat(r);
      double closedFill = Core.countNonZero(roiClosed) / (double) r.area();
      roiClosed.release();
      // Letters: many strokes (edge fill 20-80%) that close into a solid band.
      if (fill >= 0.2 && fill <= 0.8 && closedFill >= 0.6 && hasStrokeRhythm(binary, r)) {
        Imgproc.rectangle(textMask, r.tl(), r.br(), new org.opencv.core.Scalar(255), -1);
      }
    }
    return Core.countNonZero(textMask) / ((double) w * h);
  }

  /**
   * Text alternates ink and gaps along a row many times: count transitions along the band's middle
   * rows; a single edge or a smooth ramp has few.
   */
  private static boolean hasStrokeRhythm(Mat binary, Rect r) {
    int transitions = 0;
    int rows = 0;
    byte[] row = new byte[r.width];
    for (int y = r.y + r.height / 4; y < r.y + r.height * 3 / 4; y += Math.max(1, r.height / 8)) {
      binary.get(y, r.x, row);
      for (int x = 1; x < row.length; x++) {
        if ((row[x] != 0) != (row[x - 1] != 0)) {
          transitions++;
        }
      }
      rows++;
    }
    if (rows == 0) {
      return false;
    }
    double perRow = transitions / (double) rows;
    // At least ~1 stroke edge per character-width (≈ band height).
    return perRow >= 2.0 * r.width / Math.max(1.0, r.height);
  }

  @Override
  public void close() {
    gradient.release();
    binary.release();
    closed.release();
    hierarchy.release();
    textMask.release();
    gradKernel.release();
  }
}
