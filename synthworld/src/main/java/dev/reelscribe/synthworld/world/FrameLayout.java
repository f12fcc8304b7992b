package dev.reelscribe.synthworld.world;

import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.TextOverlay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one frame of a script shows: its part, the camera view, every object's screen pose and how
 * much of it is visible, the text (none on static frames, which show only static) and whether the frame is static. Objects are ordered far to near
 * (drawing order).
 */
public record FrameLayout(
    int frame, int partIndex, ScenePart part, CameraView view, List<OnScreen> objects,
    TextOverlay text, boolean staticNoise) {

  private static final int SAMPLES = 16;

  public static FrameLayout of(SceneScript script, int frame) {
    if (frame < 0 || frame >= script.frames()) {
      throw new IllegalArgumentException("frame " + frame + " is outside 0.." + (script.frames() - 1));
    }
    int index = script.partIndexAt(frame);
    ScenePart part = script.parts().get(index);
    double t = script.partTime(frame);
    double duration = script.partSeconds(index);
    CameraView view = CameraView.at(part.camera(), t, duration);
    List<SceneObject> ordered = new ArrayList<>(part.objects());
    ordered.sort(Comparator.comparingInt(SceneObject::depth));
    List<Pose> poses = new ArrayList<>();
    for (SceneObject o : ordered) {
      poses.add(Kinematics.pose(o, t, duration).through(view));
    }
    List<OnScreen> objects = new ArrayList<>();
    for (int i = 0; i < ordered.size(); i++) {
      double visible = visibleFraction(script, ordered, poses, i);
      objects.add(new OnScreen(ordered.get(i), poses.get(i), visible));
    }
    boolean noise = script.staticBurst() != null && script.staticBurst().covers(frame);
    TextOverlay text = !noise && script.text() != null && script.text().shownAt(frame) ? script.text() : null;
    return new FrameLayout(frame, index, part, view, List.copyOf(objects), text, noise);
  }

  private static double visibleFraction(SceneScript script, List<SceneObject> objects, List<Pose> poses, int index) {
    double w = script.width();
    double h = script.height();
    double side = Math.min(w, h);
    SceneObject object = objects.get(index);
    Pose pose = poses.get(index);
    int inside = 0;
    int seen = 0;
    for (int i = 0; i < SAMPLES; i++) {
      for (int j = 0; j < SAMPLES; j++) {
        double u = -1 + (i + 0.5) * 2.0 / SAMPLES;
        double v = -1 + (j + 0.5) * 2.0 / SAMPLES;
        if (!ShapeGeometry.contains(object.shape(), u, v)) {
          continue;
        }
        inside++;
        double[] p = toPixel(pose, u, v, w, h, side);
        if (p[0] < 0 || p[0] >= w || p[1] < 0 || p[1] >= h) {
          continue;
        }
        boolean hidden = false;
        for (int k = index + 1; k < objects.size() && !hidden; k++) {
          double[] local = toLocal(poses.get(k), p[0], p[1], w, h, side);
          hidden = ShapeGeometry.contains(objects.get(k).shape(), local[0], local[1]);
        }
        if (!hidden) {
          seen++;
        }
      }
    }
    return inside == 0 ? 0 : (double) seen / inside;
  }

  /** A point of an object's unit frame, in pixels. */
  public static double[] toPixel(Pose pose, double u, double v, double w, double h, double side) {
    double r = pose.radius() * side;
    double c = Math.cos(pose.angle());
    double s = Math.sin(pose.angle());
    return new double[] {pose.x() * w + (u * c - v * s) * r, pose.y() * h + (u * s + v * c) * r};
  }

  private static double[] toLocal(Pose pose, double px, double py, double w, double h, double side) {
    double r = pose.radius() * side;
    double dx = (px - pose.x() * w) / r;
    double dy = (py - pose.y() * h) / r;
    double c = Math.cos(pose.angle());
    double s = Math.sin(pose.angle());
    return new double[] {dx * c + dy * s, -dx * s + dy * c};
  }
}
