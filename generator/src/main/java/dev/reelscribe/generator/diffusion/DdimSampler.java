package dev.reelscribe.generator.diffusion;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Deterministic DDIM ({@code η = 0}) over CogVideoX's schedule with "trailing" timesteps — for 50
 * steps {@code 999, 979, …, 19}, the first at pure noise because the schedule has zero terminal SNR
 * — and classifier-free guidance:
 *
 * <pre>
 * x̂_0 = clean(x_t, model(x_t, t))
 * x_prev = sqrt((1-ᾱ_p)/(1-ᾱ_t))·x_t + (sqrt(ᾱ_p) − sqrt(ᾱ_t)·sqrt((1-ᾱ_p)/(1-ᾱ_t)))·x̂_0
 * </pre>
 *
 * with {@code ᾱ_p = 1} after the last step, so the result is the last {@code x̂_0}.
 */
public final class DdimSampler {
  /** A denoiser call: the prediction for {@code x_t} at DDPM timestep {@code t}, with or without the prompt. */
  @FunctionalInterface
  public interface Denoiser {
    NDArray predict(NDArray xt, int t, boolean conditional);
  }

  private final NoiseSchedule schedule;
  private final Parameterization parameterization;
  private final int steps;
  private final Guidance guidance;

  public DdimSampler(NoiseSchedule schedule, Parameterization parameterization, int steps, Guidance guidance) {
    if (steps < 1 || steps > NoiseSchedule.STEPS) {
      throw new IllegalArgumentException("sampling steps must be in [1, " + NoiseSchedule.STEPS + "], got " + steps);
    }
    this.schedule = schedule;
    this.parameterization = parameterization;
    this.steps = steps;
    this.guidance = guidance;
  }

  /** The trailing timesteps, from pure noise down: {@code round(1000 − i·1000/N) − 1}. */
  public static int[] trailingTimesteps(int steps) {
    int[] t = new int[steps];
    double ratio = (double) NoiseSchedule.STEPS / steps;
    for (int i = 0; i < steps; i++) {
      t[i] = (int) Math.round(NoiseSchedule.STEPS - i * ratio) - 1;
    }
    return t;
  }

  public int steps() {
    return steps;
  }

  /**
   * Runs the sampler from {@code noise} ({@code x_T}), returning the clean sample. Each step's arrays
   * live in a sub-manager of {@code manager}; only the result is attached to it.
   */
  public NDArray sample(NDManager manager, NDArray noise, Denoiser model) {
    int[] timesteps = trailingTimesteps(steps);
    int stride = NoiseSchedule.STEPS / steps;
    NDArray x = noise;
    for (int i = 0; i < timesteps.length; i++) {
      int t = timesteps[i];
      int prev = t - stride;
      double alphaBar = schedule.alphaBar(t);
      double alphaBarPrev = prev >= 0 ? schedule.alphaBar(prev) : 1.0;
      try (NDManager step = manager.newSubManager()) {
        NDArray xt = x;
        if (xt == noise) {
          xt.tempAttach(step);   // the caller's: back to its manager when the step ends
        } else {
          xt.attach(step);       // the previous step's: closed with this step
        }
        NDArray prediction = guided(xt, t, model);
        long b = xt.getShape().get(0);
        NDArray a = step.full(new ai.djl.ndarray.types.Shape(b), (float) Math.sqrt(alphaBar));
        NDArray sigma = step.full(new ai.djl.ndarray.types.Shape(b), (float) Math.sqrt(1 - alphaBar));
        NDArray clean = parameterization.clean(xt, prediction, a, sigma);
        double keep = Math.sqrt((1 - alphaBarPrev) / (1 - alphaBar));
        double toward = Math.sqrt(alphaBarPrev) - Math.sqrt(alphaBar) * keep;
        NDArray next = xt.mul((float) keep).add(clean.mul((float) toward));
        next.attach(manager);
        x = next;
      }
    }
    return x;
  }

  private NDArray guided(NDArray xt, int t, Denoiser model) {
    NDArray conditional = model.predict(xt, t, true);
    if (!guidance.needsUnconditional()) {
      return conditional;
    }
    NDArray unconditional = model.predict(xt, t, false);
    double w = guidance.scaleAt(t, steps);
    return unconditional.add(conditional.sub(unconditional).mul((float) w));
  }
}
