package dev.reelscribe.frames.shots;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransientsTest {
  @Test
  void aFrameUnlikeBothNeighboursIsTransientButACutIsNot() {
    //                 0  1  2   3   4  5  6   7  8
    double[] change = {0, 2, 2, 40, 42, 2, 2, 45, 2};
    double[] skip =   {0, 0, 3,  41, 5, 43, 3, 46, 46};
    boolean[] t = Transients.find(change, skip, 15);
    assertThat(t).containsExactly(false, false, false, true, false, false, false, false, false);
    double[] clean = Transients.removeFrom(change, skip, t);
    assertThat(clean[3]).isZero();
    assertThat(clean[4]).isEqualTo(5);
    assertThat(new ShotDetector(ShotConfig.defaults()).cuts(clean, 2)).containsExactly(7);
  }
}
