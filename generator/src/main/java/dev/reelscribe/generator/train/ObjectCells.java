package dev.reelscribe.generator.train;

import java.util.Arrays;

/**
 * Which latent cells of a clip hold an object, from its pixels: the transformer's loss weights those
 * cells up, because an object is a few percent of a synthworld latent and an unweighted model learns
 * the background long before it draws anything on it.
 *
 * <p>A pixel stands out when a channel differs from the median of its row by more than {@link
 * #THRESHOLD} (rows, because synthworld's gradients run top to bottom and a row median follows them).
 * A 3×3 opening then removes what is thinner than three pixels — grid lines — and a latent cell holds
 * an object when any pixel it covers survives. Latent frame 0 covers pixel frame 0; latent frame
 * {@code j > 0} covers pixel frames {@code 4j-3 … 4j} (the causal VAE's grouping).
 */
final class ObjectCells {
  /** In {@code [-1, 1]} pixel units: 0.4 is 51 of 255 levels, above the textured background's swing. */
  static final float THRESHOLD = 0.4f;

  private ObjectCells() {}

  /**
   * The object mask of one clip: {@code pixels} is {@code [3, frames, size, size]} in {@code [-1, 1]};
   * the result is {@code [latentFrames, size/cell, size/cell]}, 1 where an object is, else 0.
   */
  static float[] mask(float[] pixels, int frames, int size, int temporal, int cell) {
    int latentFrames = (frames - 1) / temporal + 1;
    int side = size / cell;
    float[] out = new float[latentFrames * side * side];
    boolean[] stands = new boolean[size * size];
    for (int t = 0; t < frames; t++) {
      standsOut(pixels, frames, size, t, stands);
      boolean[] opened = dilate(erode(stands, size), size);
      int j = t == 0 ? 0 : (t + temporal - 1) / temporal;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          if (opened[y * size + x]) {
            out[(j * side + y / cell) * side + x / cell] = 1f;
          }
        }
      }
    }
    return out;
  }

  private static void standsOut(float[] pixels, int frames, int size, int t, boolean[] out) {
    Arrays.fill(out, false);
    float[] row = new float[size];
    for (int c = 0; c < 3; c++) {
      int base = (c * frames + t) * size * size;
      for (int y = 0; y < size; y++) {
        System.arraycopy(pixels, base + y * size, row, 0, size);
        Arrays.sort(row);
        float median = row[size / 2];
        for (int x = 0; x < size; x++) {
          if (Math.abs(pixels[base + y * size + x] - median) > THRESHOLD) {
            out[y * size + x] = true;
          }
        }
      }
    }
  }

  private static boolean[] erode(boolean[] in, int size) {
    return neighbourhood(in, size, true);
  }

  private static boolean[] dilate(boolean[] in, int size) {
    return neighbourhood(in, size, false);
  }

  /** 3×3 erosion ({@code all}) or dilation; outside the frame counts as the pixel itself. */
  private static boolean[] neighbourhood(boolean[] in, int size, boolean all) {
    boolean[] out = new boolean[in.length];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        boolean v = all;
        for (int dy = -1; dy <= 1 && v == all; dy++) {
          for (int dx = -1; dx <= 1 && v == all; dx++) {
            int yy = Math.max(0, Math.min(size - 1, y + dy));
            int xx = Math.max(0, Math.min(size - 1, x + dx));
            v = in[yy * size + xx];
          }
        }
        out[y * size + x] = v;
      }
    }
    return out;
  }
}
