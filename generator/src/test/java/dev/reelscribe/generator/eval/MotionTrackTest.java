package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MotionTrackTest {
  /** A 6x6 bright square on a dark textured background, moving {@code (vx, vy)} pixels a frame. */
  private static byte[] clip(int vx, int vy) {
    int frames = 9;
    int size = 48;
    byte[] rgb = new byte[frames * size * size * 3];
    for (int t = 0; t < frames; t++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int i = ((t * size + y) * size + x) * 3;
          boolean in = x >= 20 + vx * t && x < 26 + vx * t && y >= 20 + vy * t && y < 26 + vy * t;
          int bg = ((x / 4 + y / 4) % 2) * 30;
          rgb[i] = (byte) (in ? 230 : bg);
          rgb[i + 1] = (byte) (in ? 40 : bg);
          rgb[i + 2] = (byte) (in ? 40 : bg);
        }
      }
    }
    return rgb;
  }

  @Test
  void theDirectionOfAMovingObjectIsMeasured() {
    assertThat(MotionTrack.direction(clip(1, 0), 9, 48, 48, 0.05)).isEqualTo(new MotionTrack.Direction(1, 0));
    assertThat(MotionTrack.direction(clip(-1, 1), 9, 48, 48, 0.05)).isEqualTo(new MotionTrack.Direction(-1, 1));
    assertThat(MotionTrack.direction(clip(0, -2), 9, 48, 48, 0.05)).isEqualTo(new MotionTrack.Direction(0, -1));
  }

  /**
   * A 16x16 square on a plain background moving (vx, vy) pixels a frame over 17 frames at 64x64 —
   * the size and speed of a large synthworld object moving slowly.
   */
  private static byte[] slowClip(double vx, double vy) {
    int frames = 17;
    int size = 64;
    byte[] rgb = new byte[frames * size * size * 3];
    for (int t = 0; t < frames; t++) {
      double left = 20 + vx * t;
      double top = 20 + vy * t;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int i = ((t * size + y) * size + x) * 3;
          boolean in = x >= Math.round(left) && x < Math.round(left) + 16 && y >= Math.round(top) && y < Math.round(top) + 16;
          rgb[i] = (byte) (in ? 40 : 120);
          rgb[i + 1] = (byte) (in ? 200 : 60);
          rgb[i + 2] = (byte) (in ? 40 : 60);
        }
      }
    }
    return rgb;
  }

  @Test
  void aSlowDiagonalOverItsOwnPathIsADiagonal() {
    // 5.4 pixels an axis in all (a slow synthworld diagonal): the median background takes the
    // square's colour where it overlaps its path, the centroid moves about half as far, under 5% of
    // the side on each axis but not as a vector.
    assertThat(MotionTrack.direction(slowClip(0.34, 0.34), 17, 64, 64, 0.05)).isEqualTo(new MotionTrack.Direction(1, 1));
    assertThat(MotionTrack.direction(slowClip(-0.34, -0.34), 17, 64, 64, 0.05)).isEqualTo(new MotionTrack.Direction(-1, -1));
  }

  @Test
  void aShiftIsRoundedToTheNearestOfEightDirections() {
    // mostly right, a little down: right; steeper than 22.5° from the diagonal's neighbours: diagonal
    assertThat(MotionTrack.direction(slowClip(0.7, 0.15), 17, 64, 64, 0.05)).isEqualTo(new MotionTrack.Direction(1, 0));
    assertThat(MotionTrack.direction(slowClip(0.6, 0.45), 17, 64, 64, 0.05)).isEqualTo(new MotionTrack.Direction(1, 1));
    assertThat(MotionTrack.direction(slowClip(0.05, -0.7), 17, 64, 64, 0.05)).isEqualTo(new MotionTrack.Direction(0, -1));
  }

  @Test
  void aShiftUnderTheThresholdIsNone() {
    assertThat(MotionTrack.direction(slowClip(0.05, 0.05), 17, 64, 64, 0.05)).isEqualTo(new MotionTrack.Direction(0, 0));
  }

  @Test
  void aStillObjectHasNoDirection() {
    assertThat(MotionTrack.direction(clip(0, 0), 9, 48, 48, 0.05)).isEqualTo(new MotionTrack.Direction(0, 0));
  }
}
