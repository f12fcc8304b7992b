package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.MotionKind;
import org.junit.jupiter.api.Test;

class MotionMissesTest {
  private static MotionTrack.Direction d(int dx, int dy) {
    return new MotionTrack.Direction(dx, dy);
  }

  @Test
  void movingPromptsAreSplitByHowFarOffTheClipWent() {
    MotionMisses m = MotionMisses.NONE
        .add(MotionKind.RIGHT, d(1, 0))        // right
        .add(MotionKind.RIGHT, d(0, 0))        // did not move
        .add(MotionKind.RIGHT, d(1, 1))        // 45° off
        .add(MotionKind.UP_LEFT, d(0, -1))     // 45° off
        .add(MotionKind.UP_LEFT, d(1, 1))      // opposite
        .add(MotionKind.DOWN, d(1, 0));        // 90° off
    assertThat(m).isEqualTo(new MotionMisses(6, 1, 1, 2, 2, 0, 0));
  }

  @Test
  void inPlacePromptsCountWhetherTheObjectStayed() {
    MotionMisses m = MotionMisses.NONE
        .add(MotionKind.STILL, d(0, 0))
        .add(MotionKind.ROTATE, d(-1, 0))
        .add(MotionKind.GROW, d(0, 0))
        .add(MotionKind.ORBIT, d(1, 0))              // not graded for motion
        .add(MotionKind.BOUNCE_HORIZONTAL, d(0, 0)); // not graded for motion
    assertThat(m).isEqualTo(new MotionMisses(0, 0, 0, 0, 0, 3, 2));
  }

  @Test
  void compassStepsWrapAround() {
    assertThat(MotionMisses.compassSteps(1, 0, 1, -1)).isEqualTo(1);   // right against up-right
    assertThat(MotionMisses.compassSteps(1, -1, 1, 1)).isEqualTo(2);   // up-right against down-right
    assertThat(MotionMisses.compassSteps(-1, 0, 1, 0)).isEqualTo(4);
    assertThat(MotionMisses.compassSteps(1, 1, -1, 1)).isEqualTo(2);
    assertThat(MotionMisses.compassSteps(1, 0, 0, 0)).isEqualTo(-1);
  }
}
