package dev.reelscribe.synthworld.world;

import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SizeClass;

/**
 * One object as a frame shows it.
 *
 * @param pose on screen: x, y in frame units, radius in units of the shorter side
 * @param visible fraction of the object's area inside the frame and not hidden by nearer objects
 */
public record OnScreen(SceneObject object, Pose pose, double visible) {
  /** The 3×3 cell holding the centre (clamped to the frame). */
  public Cell cell() {
    return Cell.of(clamp(pose.x()), clamp(pose.y()));
  }

  /** The apparent size class. */
  public SizeClass apparentSize() {
    return SizeClass.of(pose.radius());
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(0.999, v));
  }
}
