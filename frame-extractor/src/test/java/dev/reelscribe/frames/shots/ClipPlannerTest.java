package dev.reelscribe.frames.shots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClipPlannerTest {
  private final ClipPlanner planner = new ClipPlanner(ShotConfig.defaults().withMaxClipSeconds(4));

  @Test
  void oneSpanPerShot() {
    assertThat(planner.plan(List.of(30, 60), 90, 25)).containsExactly(
        new ClipSpan(0, 0, 0, 30), new ClipSpan(1, 0, 30, 60), new ClipSpan(2, 0, 60, 90));
  }

  @Test
  void longShotsAreCutIntoEqualPiecesNoLongerThanTheMaximum() {
    // 10 s at 25 fps, max 4 s: three pieces of 83-84 frames.
    List<ClipSpan> spans = planner.plan(List.of(), 250, 25);
    assertThat(spans).hasSize(3).allSatisfy(s -> {
      assertThat(s.shotIndex()).isZero();
      assertThat(s.frames()).isBetween(83L, 84L);
    });
    assertThat(spans.get(0).startFrame()).isZero();
    assertThat(spans.get(2).endFrame()).isEqualTo(250);
    assertThat(spans).extracting(ClipSpan::pieceIndex).containsExactly(0, 1, 2);
  }

  @Test
  void cutsOutsideTheVideoAreIgnored() {
    assertThat(planner.plan(List.of(0, 50, 90), 50, 25)).containsExactly(new ClipSpan(0, 0, 0, 50));
  }
}
