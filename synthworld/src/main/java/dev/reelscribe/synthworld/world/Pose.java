package dev.reelscribe.synthworld.world;

/**
 * Where an object is at one instant.
 *
 * @param x centre, in units of frame width
 * @param y centre, in units of frame height
 * @param radius in units of the frame's shorter side
 * @param angle rotation in radians, clockwise on screen
 */
public record Pose(double x, double y, double radius, double angle) {

  /** The same pose as seen through {@code view}. */
  public Pose through(CameraView view) {
    return new Pose(
        (x - view.centerX()) * view.zoom() + 0.5,
        (y - view.centerY()) * view.zoom() + 0.5,
        radius * view.zoom(),
        angle);
  }
}
