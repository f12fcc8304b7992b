package dev.reelscribe.generator.diffusion;

import java.util.SplittableRandom;

/**
 * Training timesteps by CogVideoX's "explicit uniform sampling": {@code [0, 1000)} is cut into as
 * many equal intervals as the batch has samples and sample {@code b} draws only from interval
 * {@code b}, so every batch covers the whole range (SAT does this across data-parallel ranks; on one
 * CPU the batch plays the ranks). It lowers the loss's variance from batch to batch.
 */
public final class TimestepSampler {
  private final SplittableRandom random;
  private final boolean stratified;

  /**
   * @param seed the random seed
   * @param stratified explicit uniform sampling; false draws every timestep from the whole range
   */
  public TimestepSampler(long seed, boolean stratified) {
    this.random = new SplittableRandom(seed);
    this.stratified = stratified;
  }

  /** {@code batch} timesteps in {@code [0, 1000)}; with stratification, sample {@code b} lies in {@code [b·1000/B, (b+1)·1000/B)}. */
  public int[] sample(int batch) {
    int[] t = new int[batch];
    for (int b = 0; b < batch; b++) {
      if (stratified) {
        int lo = (int) ((long) b * NoiseSchedule.STEPS / batch);
        int hi = (int) ((long) (b + 1) * NoiseSchedule.STEPS / batch);
        t[b] = lo + random.nextInt(Math.max(1, hi - lo));
      } else {
        t[b] = random.nextInt(NoiseSchedule.STEPS);
      }
    }
    return t;
  }
}
