package dev.reelscribe.generator.diffusion;

/**
 * CogVideoX's noise schedule: the scaled-linear betas of Stable Diffusion over 1,000 steps, the
 * signal-to-noise ratio divided by {@code snrShiftScale}, then rescaled so the last step has zero SNR
 * (pure noise, "zero terminal SNR"). {@code alphaBar(t)} is the share of signal variance at step
 * {@code t}: {@code x_t = sqrt(ᾱ_t)·x_0 + sqrt(1-ᾱ_t)·ε}.
 *
 * <pre>{@code
 * NoiseSchedule s = NoiseSchedule.cogVideoX(3.0);   // CogVideoX-2B
 * s.alphaBar(999);                                  // 0.0
 * }</pre>
 */
public final class NoiseSchedule {
  /** Training steps of every CogVideoX schedule. */
  public static final int STEPS = 1000;

  private final double[] alphaBar;
  private final double snrShiftScale;

  private NoiseSchedule(double[] alphaBar, double snrShiftScale) {
    this.alphaBar = alphaBar;
    this.snrShiftScale = snrShiftScale;
  }

  /**
   * The schedule of CogVideoX: {@code β = linspace(√0.00085, √0.012, 1000)²}, {@code ᾱ = ∏(1-β)},
   * {@code ᾱ' = ᾱ / (s + (1-s)·ᾱ)}, then zero terminal SNR on {@code √ᾱ'}.
   *
   * @param snrShiftScale {@code s}: 3.0 for CogVideoX-2B, 1.0 for 5B
   */
  public static NoiseSchedule cogVideoX(double snrShiftScale) {
    if (!(snrShiftScale > 0)) {
      throw new IllegalArgumentException("snr_shift_scale must be positive, got " + snrShiftScale);
    }
    double[] a = new double[STEPS];
    double lo = Math.sqrt(0.00085);
    double hi = Math.sqrt(0.012);
    double cumulative = 1;
    for (int t = 0; t < STEPS; t++) {
      double root = lo + (hi - lo) * t / (STEPS - 1);
      cumulative *= 1 - root * root;
      a[t] = cumulative;
    }
    for (int t = 0; t < STEPS; t++) {
      a[t] = a[t] / (snrShiftScale + (1 - snrShiftScale) * a[t]);
    }
    double first = Math.sqrt(a[0]);
    double last = Math.sqrt(a[STEPS - 1]);
    for (int t = 0; t < STEPS; t++) {
      double root = (Math.sqrt(a[t]) - last) * first / (first - last);
      a[t] = root * root;
    }
    return new NoiseSchedule(a, snrShiftScale);
  }

  public double snrShiftScale() {
    return snrShiftScale;
  }

  /** {@code ᾱ_t}, for {@code t} in {@code [0, 1000)}. */
  public double alphaBar(int t) {
    return alphaBar[t];
  }

  /** {@code sqrt(ᾱ_t)}: the weight of the clean signal at step {@code t}. */
  public double signal(int t) {
    return Math.sqrt(alphaBar[t]);
  }

  /** {@code sqrt(1-ᾱ_t)}: the weight of the noise at step {@code t}. */
  public double noise(int t) {
    return Math.sqrt(1 - alphaBar[t]);
  }

  /** The signal-to-noise ratio {@code ᾱ/(1-ᾱ)} at step {@code t} (infinite never; 0 at the last step). */
  public double snr(int t) {
    return alphaBar[t] / (1 - alphaBar[t]);
  }
}
