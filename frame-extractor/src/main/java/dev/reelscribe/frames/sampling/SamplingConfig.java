package dev.reelscribe.frames.sampling;

/**
 * How frames are sampled and stored.
 *
 * @param strategy which frames
 * @param maxSide longest side of a stored frame, pixels (never upscaled)
 * @param jpegQuality JPEG quality, 1–100
 */
public record SamplingConfig(SamplingStrategy strategy, int maxSide, int jpegQuality) implements java.io.Serializable {
  public SamplingConfig {
    if (strategy == null) {
      throw new IllegalArgumentException("strategy is required");
    }
    if (maxSide < 16 || maxSide > 8192) {
      throw new IllegalArgumentException("maxSide must be 16..8192, got " + maxSide);
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("jpegQuality must be 1..100, got " + jpegQuality);
    }
  }

  public static SamplingConfig defaults() {
    return new SamplingConfig(new SamplingStrategy.Uniform(8), 512, 90);
  }
}
