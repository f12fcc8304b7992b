package dev.reelscribe.synthworld.world;

/**
 * What kind of clips {@link ScriptGenerator} writes. The defaults suit model training: 128×128,
 * 8 fps, 33 frames (an 8N+1 count, as CogVideoX uses; 49 frames is CogVideoX's own length).
 *
 * @param cutProbability chance a clip has a hard cut to a second scene part
 * @param textProbability chance of burned-in text
 * @param staticProbability chance of a burst of TV static
 * @param cameraMoveProbability chance the camera pans or zooms in a part
 */
public record WorldConfig(
    int width,
    int height,
    double fps,
    int frames,
    double cutProbability,
    double textProbability,
    double staticProbability,
    double cameraMoveProbability) {

  public WorldConfig {
    if (width < 32 || height < 32 || width > 4096 || height > 4096) {
      throw new IllegalArgumentException("frame size must be 32..4096 pixels a side, got " + width + "x" + height);
    }
    if (!(fps >= 1 && fps <= 120)) {
      throw new IllegalArgumentException("fps must be 1..120, got " + fps);
    }
    if (frames < 9 || frames > 10_000) {
      throw new IllegalArgumentException("frames must be 9..10000, got " + frames);
    }
    for (double p : new double[] {cutProbability, textProbability, staticProbability, cameraMoveProbability}) {
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("probabilities must be in [0,1], got " + p);
      }
    }
  }

  public static WorldConfig defaults() {
    return new WorldConfig(128, 128, 8, 33, 0.2, 0.2, 0.1, 0.4);
  }

  public WorldConfig withSize(int w, int h) {
    return new WorldConfig(w, h, fps, frames, cutProbability, textProbability, staticProbability, cameraMoveProbability);
  }

  public WorldConfig withFps(double value) {
    return new WorldConfig(width, height, value, frames, cutProbability, textProbability, staticProbability,
        cameraMoveProbability);
  }

  public WorldConfig withFrames(int value) {
    return new WorldConfig(width, height, fps, value, cutProbability, textProbability, staticProbability,
        cameraMoveProbability);
  }

  /** Only single-shot clips with no text, no static and a still camera: the frame captioner's easy mode. */
  public WorldConfig plain() {
    return new WorldConfig(width, height, fps, frames, 0, 0, 0, 0);
  }

  public WorldConfig withProbabilities(double cut, double text, double noise, double camera) {
    return new WorldConfig(width, height, fps, frames, cut, text, noise, camera);
  }
}
