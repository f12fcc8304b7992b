package dev.reelscribe.generator.diffusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NoiseScheduleTest {

  @Test
  void theLastStepIsPureNoiseAndTheFirstKeepsItsSignal() {
    NoiseSchedule unshifted = NoiseSchedule.cogVideoX(1.0);
    assertThat(unshifted.alphaBar(999)).isEqualTo(0.0, within(1e-15));
    // zero terminal SNR maps sqrt(ᾱ_0) to itself: ᾱ_0 = 1 - β_0 = 1 - 0.00085
    assertThat(unshifted.alphaBar(0)).isEqualTo(0.99915, within(1e-12));
    NoiseSchedule shifted = NoiseSchedule.cogVideoX(3.0);
    assertThat(shifted.alphaBar(0)).isEqualTo(0.99915 / (3 - 2 * 0.99915), within(1e-12));
    assertThat(shifted.alphaBar(999)).isEqualTo(0.0, within(1e-15));
  }

  @Test
  void alphaBarFallsMonotonicallyAndTheShiftLowersEverySnr() {
    NoiseSchedule s1 = NoiseSchedule.cogVideoX(1.0);
    NoiseSchedule s3 = NoiseSchedule.cogVideoX(3.0);
    for (int t = 1; t < NoiseSchedule.STEPS; t++) {
      assertThat(s3.alphaBar(t)).isLessThan(s3.alphaBar(t - 1));
    }
    for (int t = 0; t < 999; t++) {
      assertThat(s3.snr(t)).isLessThan(s1.snr(t));
      assertThat(s3.signal(t) * s3.signal(t) + s3.noise(t) * s3.noise(t)).isEqualTo(1.0, within(1e-12));
    }
    // in the middle of the range the rescaling barely moves the shifted SNR off SNR/3
    assertThat(s3.snr(500) / s1.snr(500)).isBetween(0.30, 0.36);
  }

  @Test
  void aNonPositiveShiftIsRefused() {
    assertThatThrownBy(() -> NoiseSchedule.cogVideoX(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snr_shift_scale");
  }
}
