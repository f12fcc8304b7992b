package dev.reelscribe.generator.transformer;

/**
 * The position tables of CogVideoX, as plain arrays (row-major, tokens in {@code (t, h, w)} order).
 *
 * <ul>
 *   <li>{@link #rotary}: 3D RoPE (5B). A head's channels split {@code [t: d/4 | h: 3d/8 | w: 3d/8]};
 *       on each axis {@code ω_j = 10000^(−2j/d_axis)} and the angle {@code pos·ω_j} is repeated for the
 *       channel pair {@code (2j, 2j+1)}.
 *   <li>{@link #sinCos}: absolute 3D sin-cos (2B), added to the video tokens. Channels {@code [t: D/4 |
 *       x: 3D/8 | y: 3D/8]}, each {@code [sin(p·ω) | cos(p·ω)]} with {@code ω_i = 10000^(−i/(d/2))}; x and
 *       y divided by the spatial interpolation scale, t by the temporal one.
 *   <li>{@link #timestep}: the diffusion step's sinusoid, {@code [cos | sin]} when flipped.
 * </ul>
 */
public final class Positions {
  private Positions() {}

  /** Cosines and sines of the rotary angles, each {@code [frames·height·width, headDim]}. */
  public record Rotary(float[] cos, float[] sin, int tokens, int headDim) {}

  public static Rotary rotary(int frames, int height, int width, int headDim) {
    int dt = headDim / 4;
    int dh = headDim / 8 * 3;
    int dw = headDim / 8 * 3;
    if (dt + dh + dw != headDim || dt % 2 != 0 || dh % 2 != 0) {
      throw new IllegalArgumentException("head dimension " + headDim + " does not split 1/4 : 3/8 : 3/8 into even parts");
    }
    int tokens = frames * height * width;
    float[] cos = new float[tokens * headDim];
    float[] sin = new float[tokens * headDim];
    int n = 0;
    for (int t = 0; t < frames; t++) {
      for (int h = 0; h < height; h++) {
        for (int w = 0; w < width; w++) {
          int base = n * headDim;
          fill(cos, sin, base, t, dt);
          fill(cos, sin, base + dt, h, dh);
          fill(cos, sin, base + dt + dh, w, dw);
          n++;
        }
      }
    }
    return new Rotary(cos, sin, tokens, headDim);
  }

  private static void fill(float[] cos, float[] sin, int from, int position, int dim) {
    for (int j = 0; j < dim / 2; j++) {
      double angle = position * Math.pow(10000, -2.0 * j / dim);
      float c = (float) Math.cos(angle);
      float s = (float) Math.sin(angle);
      cos[from + 2 * j] = c;
      cos[from + 2 * j + 1] = c;
      sin[from + 2 * j] = s;
      sin[from + 2 * j + 1] = s;
    }
  }

  /** The absolute sin-cos table {@code [frames·height·width, width D]}. */
  public static float[] sinCos(int frames, int height, int width, int dim, float spatialScale, float temporalScale) {
    int dimT = dim / 4;
    int dimS = dim * 3 / 4;
    int half = dimS / 2;
    float[] out = new float[frames * height * width * dim];
    int n = 0;
    for (int t = 0; t < frames; t++) {
      for (int h = 0; h < height; h++) {
        for (int w = 0; w < width; w++) {
          int base = n * dim;
          sinCos1d(out, base, dimT, t / temporalScale);
          sinCos1d(out, base + dimT, half, w / spatialScale);
          sinCos1d(out, base + dimT + half, half, h / spatialScale);
          n++;
        }
      }
    }
    return out;
  }

  private static void sinCos1d(float[] out, int from, int dim, double position) {
    int half = dim / 2;
    for (int i = 0; i < half; i++) {
      double omega = 1 / Math.pow(10000, (double) i / half);
      out[from + i] = (float) Math.sin(position * omega);
      out[from + half + i] = (float) Math.cos(position * omega);
    }
  }

  /**
   * The timestep sinusoid {@code [timesteps.length, dim]} of diffusers' {@code Timesteps}: frequencies
   * {@code exp(−ln(10000)·i/(dim/2 − shift))}, halves {@code [sin | cos]}, or {@code [cos | sin]} flipped.
   */
  public static float[] timestep(float[] timesteps, int dim, boolean flipSinToCos, int freqShift) {
    int half = dim / 2;
    float[] out = new float[timesteps.length * dim];
    for (int b = 0; b < timesteps.length; b++) {
      for (int i = 0; i < half; i++) {
        double arg = timesteps[b] * Math.exp(-Math.log(10000) * i / (half - freqShift));
        float s = (float) Math.sin(arg);
        float c = (float) Math.cos(arg);
        out[b * dim + i] = flipSinToCos ? c : s;
        out[b * dim + half + i] = flipSinToCos ? s : c;
      }
    }
    return out;
  }
}
