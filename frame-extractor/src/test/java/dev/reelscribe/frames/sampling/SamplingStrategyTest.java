package dev.reelscribe.frames.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SamplingStrategyTest {
  @Test
  void uniformTakesCentresOfEqualParts() {
    assertThat(new SamplingStrategy.Uniform(4).frames(100, 140, 25)).containsExactly(105, 115, 125, 135);
  }

  @Test
  void uniformOnAShortClipGivesDistinctFrames() {
    assertThat(new SamplingStrategy.Uniform(8).frames(10, 13, 25)).containsExactly(10, 11, 12);
  }

  @Test
  void fixedRateStepsInSourceTime() {
    // 1 fps at 25 fps over 3.2 s: t = 0, 1, 2, 3 s.
    assertThat(new SamplingStrategy.FixedRate(1).frames(50, 130, 25)).containsExactly(50, 75, 100, 125);
    // At 23.976 fps, frames land on floor(k * 23.976).
    assertThat(new SamplingStrategy.FixedRate(1).frames(0, 72, 23.976)).containsExactly(0, 23, 47, 71);
  }

  @Test
  void perShotTakesTheMiddleFrame() {
    assertThat(new SamplingStrategy.PerShot().frames(98, 154, 24)).containsExactly(126);
  }

  @Test
  void parsesSpecsAndRejectsNonsense() {
    assertThat(SamplingStrategy.parse("uniform:8")).isEqualTo(new SamplingStrategy.Uniform(8));
    assertThat(SamplingStrategy.parse("fps:0.5")).isEqualTo(new SamplingStrategy.FixedRate(0.5));
    assertThat(SamplingStrategy.parse("per-shot")).isEqualTo(new SamplingStrategy.PerShot());
    assertThat(SamplingStrategy.parse("fps:2").spec()).isEqualTo("fps:2.0");
    assertThatThrownBy(() -> SamplingStrategy.parse("every:3")).hasMessageContaining("uniform:N");
    assertThatThrownBy(() -> SamplingStrategy.parse("uniform:x")).hasMessageContaining("bad number");
    assertThatThrownBy(() -> SamplingStrategy.parse("uniform:0")).isInstanceOf(IllegalArgumentException.class);
  }
}
