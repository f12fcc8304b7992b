package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.script.Speed;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotionMissesTest {
  private static MotionTrack.Direction d(int dx, int dy) {
    return new MotionTrack.Direction(dx, dy);
  }

  /** A clip of a {@code truth} prompt whose object moved {@code moved}, graded as ClipGrader would. */
  private static ClipGrader.Grade clip(MotionKind truth, Speed speed, MotionTrack.Direction moved) {
    MotionTrack.Direction expected = ClipGrader.expectedDirection(truth);
    SceneObject object = new SceneObject(Shape.SQUARE, Colour.RED, SizeClass.MEDIUM, 0.5, 0.5, new Motion(truth, speed), 0);
    return new ClipGrader.Grade(true, true, expected == null ? null : moved.equals(expected), List.of(), moved, object);
  }

  private static ClipGrader.Grade clip(MotionKind truth, MotionTrack.Direction moved) {
    return clip(truth, Speed.FAST, moved);
  }

  @Test
  void movingPromptsAreSplitByHowFarOffTheClipWent() {
    MotionMisses m = MotionMisses.NONE
        .add(clip(MotionKind.RIGHT, d(1, 0)))        // right
        .add(clip(MotionKind.RIGHT, d(0, 0)))        // did not move
        .add(clip(MotionKind.RIGHT, d(1, 1)))        // 45° off
        .add(clip(MotionKind.UP_LEFT, d(0, -1)))     // 45° off
        .add(clip(MotionKind.UP_LEFT, d(1, 1)))      // opposite
        .add(clip(MotionKind.DOWN, d(1, 0)));        // 90° off
    assertThat(m).isEqualTo(new MotionMisses(6, 1, 1, 2, 2, 0, 0, 0, 0, 0));
  }

  @Test
  void slowPromptsAreAlsoCountedApart() {
    MotionMisses m = MotionMisses.NONE
        .add(clip(MotionKind.LEFT, Speed.SLOW, d(-1, 0)))   // right
        .add(clip(MotionKind.LEFT, Speed.SLOW, d(0, 0)))    // did not move
        .add(clip(MotionKind.LEFT, Speed.SLOW, d(1, 0)))    // opposite
        .add(clip(MotionKind.LEFT, Speed.FAST, d(0, 0)))    // did not move, fast
        .add(clip(MotionKind.STILL, Speed.SLOW, d(0, 0)));  // in place: not a slow mover
    assertThat(m).isEqualTo(new MotionMisses(4, 1, 2, 0, 1, 3, 1, 1, 1, 1));
    assertThat(m.line()).contains("of 4 moving prompts 1 went their way, 2 did not move")
        .contains("(the 3 slow ones: 1 went their way, 1 did not move)");
    assertThat(m.json().path("slow").path("did_not_move").asInt()).isEqualTo(1);
  }

  @Test
  void inPlacePromptsCountWhetherTheObjectStayed() {
    MotionMisses m = MotionMisses.NONE
        .add(clip(MotionKind.STILL, d(0, 0)))
        .add(clip(MotionKind.ROTATE, d(-1, 0)))
        .add(clip(MotionKind.GROW, d(0, 0)))
        .add(clip(MotionKind.ORBIT, d(1, 0)))              // not graded for motion
        .add(clip(MotionKind.BOUNCE_HORIZONTAL, d(0, 0))); // not graded for motion
    assertThat(m).isEqualTo(new MotionMisses(0, 0, 0, 0, 0, 0, 0, 0, 3, 2));
  }

  @Test
  void compassStepsWrapAround() {
    assertThat(d(1, 0).stepsTo(d(1, -1))).isEqualTo(1);   // right against up-right
    assertThat(d(1, -1).stepsTo(d(1, 1))).isEqualTo(2);   // up-right against down-right
    assertThat(d(-1, 0).stepsTo(d(1, 0))).isEqualTo(4);
    assertThat(d(1, 1).stepsTo(d(-1, 1))).isEqualTo(2);
    assertThat(d(1, 0).stepsTo(d(0, 0))).isEqualTo(-1);
  }
}
