package dev.reelscribe.frames.shots;

/**
 * Hard-cut detection and clip length settings.
 *
 * @param adaptiveRatio a frame is a cut when its content change is at least this many times the mean
 *     change of the frames around it (adapts to how much the video moves)
 * @param minContentChange and its content change (mean HSV difference, 0–255) is at least this
 * @param window frames on each side that form the local mean
 * @param minShotSeconds no cut closer than this to the previous one (flash and strobe guard)
 * @param maxClipSeconds shots longer than this are cut into pieces of at most this length
 */
public record ShotConfig(
    double adaptiveRatio,
    double minContentChange,
    int window,
    double minShotSeconds,
    double maxClipSeconds) implements java.io.Serializable {

  public ShotConfig {
    if (!(adaptiveRatio > 1)) {
      throw new IllegalArgumentException("adaptiveRatio must be > 1, got " + adaptiveRatio);
    }
    if (minContentChange < 0 || window < 1 || minShotSeconds < 0) {
      throw new IllegalArgumentException("invalid shot detection settings");
    }
    if (!(maxClipSeconds > 0)) {
      throw new IllegalArgumentException("maxClipSeconds must be positive, got " + maxClipSeconds);
    }
  }

  /** Defaults after CogVideoX's data: clips of a few seconds, up to 10 s. */
  public static ShotConfig defaults() {
    return new ShotConfig(3.0, 15.0, 3, 0.4, 10.0);
  }

  public ShotConfig withMaxClipSeconds(double max) {
    return new ShotConfig(adaptiveRatio, minContentChange, window, minShotSeconds, max);
  }

  public String fingerprint() {
    return "shots(" + adaptiveRatio + "," + minContentChange + "," + window + "," + minShotSeconds
        + "," + maxClipSeconds + ")";
  }
}
