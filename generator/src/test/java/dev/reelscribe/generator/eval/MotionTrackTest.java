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

  @Test
  void aStillObjectHasNoDirection() {
    assertThat(MotionTrack.direction(clip(0, 0), 9, 48, 48, 0.05)).isEqualTo(new MotionTrack.Direction(0, 0));
  }
}
