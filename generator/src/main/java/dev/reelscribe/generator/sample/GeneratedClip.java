package dev.reelscribe.generator.sample;

/**
 * A generated clip: RGB bytes {@code [frames, height, width, 3]}, and how it was made.
 *
 * @param prompt the prompt the transformer saw (after upsampling, if any)
 * @param seed the noise seed
 */
public record GeneratedClip(byte[] rgb, int frames, int height, int width, double fps, String prompt, long seed) {
  public GeneratedClip {
    if (rgb.length != frames * height * width * 3) {
      throw new IllegalArgumentException("rgb has " + rgb.length + " bytes, not " + frames + "x" + height + "x" + width + "x3");
    }
  }

  /** One frame's RGB bytes, row-major. */
  public byte[] frame(int t) {
    byte[] out = new byte[height * width * 3];
    System.arraycopy(rgb, t * out.length, out, 0, out.length);
    return out;
  }
}
