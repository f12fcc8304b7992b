package dev.reelscribe.synthworld.script;

/** What the camera does during a scene part. */
public enum CameraMotion {
  STILL,
  PAN_LEFT,
  PAN_RIGHT,
  ZOOM_IN,
  ZOOM_OUT;

  public String token() {
    return "camera-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
