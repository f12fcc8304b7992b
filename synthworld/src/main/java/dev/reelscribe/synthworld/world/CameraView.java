package dev.reelscribe.synthworld.world;

import dev.reelscribe.synthworld.script.CameraMotion;

/**
 * What part of the world the camera sees: the world point at the frame centre and the zoom factor.
 * At rest the camera sees the unit square exactly.
 */
public record CameraView(double centerX, double centerY, double zoom) {
  /** World units per second the camera pans. */
  public static final double PAN_SPEED = 0.07;
  /** Zoom reached at the end of a part when zooming in. */
  public static final double ZOOM_IN_END = 1.35;
  /** Zoom reached at the end of a part when zooming out. */
  public static final double ZOOM_OUT_END = 0.75;

  public static CameraView rest() {
    return new CameraView(0.5, 0.5, 1.0);
  }

  /** The view {@code t} seconds into a part of {@code duration} seconds. */
  public static CameraView at(CameraMotion motion, double t, double duration) {
    double progress = duration <= 0 ? 0 : Math.min(1, t / duration);
    return switch (motion) {
      case STILL -> rest();
      case PAN_LEFT -> new CameraView(0.5 - PAN_SPEED * t, 0.5, 1.0);
      case PAN_RIGHT -> new CameraView(0.5 + PAN_SPEED * t, 0.5, 1.0);
      case ZOOM_IN -> new CameraView(0.5, 0.5, 1 + (ZOOM_IN_END - 1) * progress);
      case ZOOM_OUT -> new CameraView(0.5, 0.5, 1 + (ZOOM_OUT_END - 1) * progress);
    };
  }
}
