package dev.reelscribe.synthworld.script;

/** A run of frames {@code [startFrame, endFrame)} replaced by TV static. */
public record StaticBurst(int startFrame, int endFrame) {
  public StaticBurst {
    if (startFrame < 0 || endFrame <= startFrame) {
      throw new IllegalArgumentException("static frames must satisfy 0 <= start < end");
    }
  }

  public boolean covers(int frame) {
    return frame >= startFrame && frame < endFrame;
  }
}
