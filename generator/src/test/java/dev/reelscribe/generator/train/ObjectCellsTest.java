package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The object mask finds a square on a gradient with grid lines, and nothing of the background. */
class ObjectCellsTest {
  private static final int SIZE = 64;
  private static final int FRAMES = 9;

  /** A top-to-bottom gradient with a bright 1-pixel grid every 8 pixels; a 10×10 square in {@code squareFrames}. */
  private static float[] clip(int top, int left, int... squareFrames) {
    float[] px = new float[3 * FRAMES * SIZE * SIZE];
    for (int c = 0; c < 3; c++) {
      for (int t = 0; t < FRAMES; t++) {
        for (int y = 0; y < SIZE; y++) {
          for (int x = 0; x < SIZE; x++) {
            float v = -0.8f + 1.6f * y / (SIZE - 1) * (c == 1 ? 1 : 0.5f);
            if (y % 8 == 0 || x % 8 == 0) {
              v += 0.55f;
            }
            px[((c * FRAMES + t) * SIZE + y) * SIZE + x] = v;
          }
        }
      }
      for (int t : squareFrames) {
        for (int y = top; y < top + 10; y++) {
          for (int x = left; x < left + 10; x++) {
            px[((c * FRAMES + t) * SIZE + y) * SIZE + x] = c == 0 ? 0.9f : -0.9f;
          }
        }
      }
    }
    return px;
  }

  private static float cell(float[] mask, int frame, int y, int x) {
    return mask[(frame * 16 + y) * 16 + x];
  }

  @Test
  void marksTheCellsASquareCoversAndNoGridOrGradient() {
    float[] mask = ObjectCells.mask(clip(20, 36, 0, 1, 2, 3, 4, 5, 6, 7, 8), FRAMES, SIZE, 4, 4);
    assertThat(mask).hasSize(3 * 16 * 16);
    for (int f = 0; f < 3; f++) {
      for (int y = 0; y < 16; y++) {
        for (int x = 0; x < 16; x++) {
          boolean inside = y >= 5 && y <= 7 && x >= 9 && x <= 11;
          assertThat(cell(mask, f, y, x)).as("frame %d cell %d,%d", f, y, x).isEqualTo(inside ? 1f : 0f);
        }
      }
    }
  }

  @Test
  void latentFrameZeroIsPixelFrameZeroAndLaterOnesGroupFour() {
    float[] first = ObjectCells.mask(clip(20, 36, 0), FRAMES, SIZE, 4, 4);
    assertThat(cell(first, 0, 6, 10)).isEqualTo(1f);
    assertThat(cell(first, 1, 6, 10)).isZero();
    assertThat(cell(first, 2, 6, 10)).isZero();

    float[] fifth = ObjectCells.mask(clip(20, 36, 5), FRAMES, SIZE, 4, 4);
    assertThat(cell(fifth, 0, 6, 10)).isZero();
    assertThat(cell(fifth, 1, 6, 10)).isZero();
    assertThat(cell(fifth, 2, 6, 10)).isEqualTo(1f);
  }
}
