package dev.reelscribe.synthworld.script;

import java.util.Objects;

/**
 * One object of a scene part.
 *
 * @param x start centre, in units of frame width (0 left … 1 right), camera at rest
 * @param y start centre, in units of frame height (0 top … 1 bottom)
 * @param depth drawing order: higher is nearer the camera and hides what it overlaps
 */
public record SceneObject(
    Shape shape, Colour colour, SizeClass size, double x, double y, Motion motion, int depth) {
  public SceneObject {
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(colour, "colour");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(motion, "motion");
    if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
      throw new IllegalArgumentException("object start must be inside the frame, got " + x + "," + y);
    }
    if (motion.kind() == MotionKind.ROTATE && !shape.rotationVisible()) {
      throw new IllegalArgumentException("a " + shape.word() + " cannot be seen to rotate");
    }
  }

  /** "red circle": the name a description uses for it; unique within a scene part, as colours are. */
  public String name() {
    return colour.word() + " " + shape.word();
  }
}
