package dev.reelscribe.generator.diffusion;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DdimSamplerTest {
  private final NoiseSchedule schedule = NoiseSchedule.cogVideoX(3.0);

  @Test
  void trailingTimestepsStartAtPureNoise() {
    int[] t = DdimSampler.trailingTimesteps(50);
    assertThat(t).hasSize(50);
    assertThat(t[0]).isEqualTo(999);
    assertThat(t[1]).isEqualTo(979);
    assertThat(t[49]).isEqualTo(19);
    assertThat(DdimSampler.trailingTimesteps(1)).containsExactly(999);
  }

  /** An oracle that knows the clean sample: DDIM then lands on it exactly, for both parameterisations. */
  @Test
  void aPerfectDenoiserLeadsDdimToTheCleanSample() {
    for (Parameterization p : Parameterization.values()) {
      try (NDManager m = NDManager.newBaseManager()) {
        NDArray x0 = m.randomUniform(-1, 1, new Shape(2, 3, 4));
        NDArray noise = m.randomNormal(new Shape(2, 3, 4));
        DdimSampler sampler = new DdimSampler(schedule, p, 10, Guidance.none());
        NDArray out = sampler.sample(m, noise, (xt, t, conditional) -> {
          if (p == Parameterization.X0) {
            return x0;
          }
          // v = (a·x_t − x_0)/σ, from x̂_0 = a·x_t − σ·v
          return xt.mul((float) schedule.signal(t)).sub(x0).div((float) schedule.noise(t));
        });
        assertThat(out.sub(x0).abs().max().getFloat()).as(p.name()).isLessThan(1e-4f);
        assertThat(noise.isReleased()).isFalse();
      }
    }
  }

  @Test
  void guidanceExtrapolatesFromTheUnconditionalPrediction() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray noise = m.zeros(new Shape(1, 2));
      // x0-prediction, one step from t=999 (ᾱ=0) to ᾱ_p=1: the result is the guided x̂_0 itself
      DdimSampler sampler = new DdimSampler(schedule, Parameterization.X0, 1, new Guidance(3, false));
      NDArray out = sampler.sample(m, noise, (xt, t, conditional) -> m.full(new Shape(1, 2), conditional ? 2f : 1f));
      assertThat(out.toFloatArray()).containsExactly(4f, 4f);   // 1 + 3·(2 − 1)
    }
  }
}
