package dev.reelscribe.generator.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GuidanceTest {

  @Test
  void aConstantScaleIsTheSameAtEveryStep() {
    Guidance g = new Guidance(6, false);
    assertThat(g.scaleAt(999, 50)).isEqualTo(6);
    assertThat(g.scaleAt(19, 50)).isEqualTo(6);
    assertThat(g.needsUnconditional()).isTrue();
    assertThat(Guidance.none().needsUnconditional()).isFalse();
  }

  @Test
  void theDynamicScaleFollowsCogVideoXsFormulaOnTheDdpmStep() {
    Guidance g = new Guidance(6, true);
    // i = N - t: at t = N the ramp is at its start, w = 1
    assertThat(g.scaleAt(50, 50)).isEqualTo(1.0, within(1e-12));
    double i = 50 - 25;
    assertThat(g.scaleAt(25, 50)).isEqualTo(1 + 6 * (1 - Math.cos(Math.PI * Math.pow(i / 50, 5))) / 2, within(1e-12));
  }
}
