package dev.reelscribe.frames.shots;

/**
 * A span of frames {@code [startFrame, endFrame)} that lies within one shot.
 *
 * @param shotIndex which shot of the video
 * @param pieceIndex which piece of that shot (long shots are cut into pieces)
 */
public record ClipSpan(int shotIndex, int pieceIndex, long startFrame, long endFrame) {
  public ClipSpan {
    if (startFrame < 0 || endFrame <= startFrame) {
      throw new IllegalArgumentException("empty or negative span [" + startFrame + ", " + endFrame + ")");
    }
  }

  public long frames() {
    return endFrame - startFrame;
  }

  public double seconds(double fps) {
    return frames() / fps;
  }
}
