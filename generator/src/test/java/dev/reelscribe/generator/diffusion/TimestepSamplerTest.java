package dev.reelscribe.generator.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TimestepSamplerTest {

  @Test
  void stratifiedSamplesEachLieInTheirOwnInterval() {
    TimestepSampler sampler = new TimestepSampler(7, true);
    for (int round = 0; round < 200; round++) {
      int[] t = sampler.sample(8);
      for (int b = 0; b < 8; b++) {
        assertThat(t[b]).isBetween(b * 125, b * 125 + 124);
      }
    }
  }

  @Test
  void unstratifiedSamplesCoverTheRangeAndTheSeedRepeats() {
    int[] a = new TimestepSampler(3, false).sample(4000);
    int[] b = new TimestepSampler(3, false).sample(4000);
    assertThat(a).isEqualTo(b);
    assertThat(Arrays.stream(a).min().getAsInt()).isLessThan(10);
    assertThat(Arrays.stream(a).max().getAsInt()).isGreaterThan(990);
    assertThat(Arrays.stream(a).filter(x -> x < 125).count()).isBetween(380L, 620L);
  }
}
