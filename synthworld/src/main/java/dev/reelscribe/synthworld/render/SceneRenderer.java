package dev.reelscribe.synthworld.render;

import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.TextKind;
import dev.reelscribe.synthworld.script.TextOverlay;
import dev.reelscribe.synthworld.world.CameraView;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import dev.reelscribe.synthworld.world.Pose;
import dev.reelscribe.synthworld.world.ShapeGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Draws the frames of one scene script with OpenCV: background (moved by the camera), objects far to
 * near, burned-in text, TV static. Deterministic: the same script gives the same pixels. Not
 * thread-safe; one renderer per script.
 *
 * <pre>
 * try (SceneRenderer r = new SceneRenderer(script)) {
 *   Mat frame = new Mat();
 *   r.render(0, frame);
 * }
 * </pre>
 */
public final class SceneRenderer implements AutoCloseable {
  private static final int SHIFT = 4;
  private static final double ONE = 1 << SHIFT;

  private final SceneScript script;
  private final List<Mat> canvases = new ArrayList<>();
  private final Scalar[] solid;

  public SceneRenderer(SceneScript script) {
    OpenCv.load();
    this.script = script;
    this.solid = new Scalar[script.parts().size()];
    for (int i = 0; i < script.parts().size(); i++) {
      var part = script.parts().get(i);
      boolean plain = part.background().kind() == BackgroundKind.SOLID;
      solid[i] = plain ? BackgroundPainter.scalar(part.background().colour().bgr()) : null;
      canvases.add(plain ? null : BackgroundPainter.paint(part.background(), script.width(), script.height(),
          script.id().hashCode() * 31L + i));
    }
  }

  public SceneScript script() {
    return script;
  }

  /** Renders frame {@code frame} into {@code out} (reallocated to height×width BGR if needed). */
  public void render(int frame, Mat out) {
    int w = script.width();
    int h = script.height();
    out.create(h, w, CvType.CV_8UC3);
    FrameLayout layout = FrameLayout.of(script, frame);
    if (layout.staticNoise()) {
      staticNoise(frame, out);
      return;
    }
    background(layout, out);
    double side = Math.min(w, h);
    for (OnScreen o : layout.objects()) {
      drawObject(o, out, w, h, side);
    }
    if (layout.text() != null) {
      drawText(layout.text(), out);
    }
  }

  private void background(FrameLayout layout, Mat out) {
    Scalar plain = solid[layout.partIndex()];
    if (plain != null) {
      out.setTo(plain);
      return;
    }
    CameraView v = layout.view();
    int w = script.width();
    int h = script.height();
    double z = v.zoom();
    Mat m = new Mat(2, 3, CvType.CV_64F);
    m.put(0, 0, z, 0, w * ((-0.5 - v.centerX()) * z + 0.5), 0, z, h * ((-0.5 - v.centerY()) * z + 0.5));
    Imgproc.warpAffine(canvases.get(layout.partIndex()), out, m, new Size(w, h), Imgproc.INTER_LINEAR,
        Core.BORDER_REFLECT);
    m.release();
  }

  private static void drawObject(OnScreen o, Mat out, int w, int h, double side) {
    Pose pose = o.pose();
    Scalar colour = BackgroundPainter.scalar(o.object().colour().bgr());
    Shape shape = o.object().shape();
    double r = pose.radius() * side;
    Point centre = new Point(pose.x() * w * ONE, pose.y() * h * ONE);
    if (shape == Shape.CIRCLE) {
      Imgproc.circle(out, centre, (int) Math.round(r * ONE), colour, -1, Imgproc.LINE_AA, SHIFT);
      return;
    }
    if (shape == Shape.RING) {
      double thickness = r * (1 - ShapeGeometry.RING_INNER);
      double mid = r - thickness / 2;
      Imgproc.circle(out, centre, (int) Math.round(mid * ONE), colour, Math.max(1, (int) Math.round(thickness)),
          Imgproc.LINE_AA, SHIFT);
      return;
    }
    double[][] polygon = ShapeGeometry.polygon(shape);
    Point[] points = new Point[polygon.length];
    for (int i = 0; i < polygon.length; i++) {
      double[] p = FrameLayout.toPixel(pose, polygon[i][0], polygon[i][1], w, h, side);
      points[i] = new Point(Math.round(p[0] * ONE), Math.round(p[1] * ONE));
    }
    MatOfPoint poly = new MatOfPoint(points);
    Imgproc.fillPoly(out, List.of(poly), colour, Imgproc.LINE_AA, SHIFT, new Point());
    poly.release();
  }

  private void drawText(TextOverlay text, Mat out) {
    int w = script.width();
    int h = script.height();
    int font = Imgproc.FONT_HERSHEY_SIMPLEX;
    double scale = (text.kind() == TextKind.TITLE ? 0.55 : 0.4) * Math.min(w, h) / 128.0;
    int thickness = Math.max(1, (int) Math.round(scale * 1.6));
    int[] baseline = new int[1];
    Size size = Imgproc.getTextSize(text.text(), font, scale, thickness, baseline);
    if (size.width > 0.94 * w) {
      scale *= 0.94 * w / size.width;
      size = Imgproc.getTextSize(text.text(), font, scale, thickness, baseline);
    }
    double y = text.kind() == TextKind.TITLE ? 0.06 * h + size.height : 0.95 * h;
    Point origin = new Point((w - size.width) / 2, y);
    Imgproc.putText(out, text.text(), origin, font, scale, new Scalar(0, 0, 0), thickness + 2, Imgproc.LINE_AA);
    Imgproc.putText(out, text.text(), origin, font, scale, new Scalar(255, 255, 255), thickness, Imgproc.LINE_AA);
  }

  private void staticNoise(int frame, Mat out) {
    int w = script.width();
    int h = script.height();
    SplittableRandom random = new SplittableRandom(script.id().hashCode() * 1_000_003L + frame);
    byte[] pixels = new byte[w * h * 3];
    for (int i = 0; i < w * h; i++) {
      byte g = (byte) random.nextInt(256);
      pixels[i * 3] = g;
      pixels[i * 3 + 1] = g;
      pixels[i * 3 + 2] = g;
    }
    out.put(0, 0, pixels);
  }

  @Override
  public void close() {
    for (Mat m : canvases) {
      if (m != null) {
        m.release();
      }
    }
  }
}
