package dev.reelscribe.fuser;

/**
 * One frame caption and when its frame was taken.
 *
 * @param seconds the frame's time from the start of the clip
 * @param text what the frame captioner said
 */
public record TimedCaption(double seconds, String text) {
  public TimedCaption {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("a frame time must be a finite number of seconds >= 0, got " + seconds);
    }
    if (text == null) {
      throw new IllegalArgumentException("a frame caption needs text");
    }
  }
}
