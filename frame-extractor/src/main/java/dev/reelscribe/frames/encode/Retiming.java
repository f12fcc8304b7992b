package dev.reelscribe.frames.encode;

/**
 * The shape a training layout wants its videos in: a fixed frame rate, a fixed number of frames and
 * a fixed size. CogVideoX 1.0 fine-tuning wants 8 fps, 8N+1 frames (49) and 720×480.
 *
 * @param fps output frames per second
 * @param frames output frames; a clip too short to fill them at {@code fps} is not written
 * @param width output width (even)
 * @param height output height (even)
 */
public record Retiming(double fps, int frames, int width, int height) {
  public Retiming {
    if (!(fps > 0 && fps <= 240)) {
      throw new IllegalArgumentException("fps must be in (0, 240]: " + fps);
    }
    if (frames < 1) {
      throw new IllegalArgumentException("frames must be positive: " + frames);
    }
    if (width < 2 || height < 2 || width % 2 != 0 || height % 2 != 0) {
      throw new IllegalArgumentException("width and height must be even and at least 2: " + width + "x" + height);
    }
  }

  /**
   * Whether {@code sourceFrames} frames at {@code sourceFps} can fill the output: the source frame the
   * last output frame takes (the nearest, as {@link Retimer} picks it) must exist. A clip that fails this
   * need not be decoded to know it is too short.
   */
  public boolean fits(double sourceFps, long sourceFrames) {
    return Math.round((frames - 1) * sourceFps / fps) < sourceFrames;
  }

  /** The seconds of source video the output covers. */
  public double seconds() {
    return frames / fps;
  }
}
