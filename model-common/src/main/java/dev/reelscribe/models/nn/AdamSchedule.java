package dev.reelscribe.models.nn;

import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;

/**
 * The optimiser every built-in model trains with: Adam with gradients clipped at 1, a linear
 * warm-up over the first tenth of the steps (at most 500), then cosine decay to 2% of the peak. The
 * loss is computed by the trainer itself, so the configuration's loss is a placeholder.
 *
 * @param peak the peak learning rate
 * @param steps the optimizer steps of the whole run
 */
public record AdamSchedule(float peak, int steps) {
  public Tracker learningRate() {
    return Tracker.warmUp().optWarmUpSteps(Math.min(500, steps / 10))
        .setMainTracker(Tracker.cosine().setBaseValue(peak).optFinalValue(peak * 0.02f).setMaxUpdates(steps).build())
        .build();
  }

  /** The element-wise gradient clip. */
  public float clipGrad() {
    return 1f;
  }

  /** A training configuration with this schedule; {@code rate} must be {@link #learningRate()}'s tracker. */
  public DefaultTrainingConfig trainingConfig(Tracker rate) {
    return new DefaultTrainingConfig(Loss.l2Loss())
        .optOptimizer(Optimizer.adam().optLearningRateTracker(rate).optClipGrad(clipGrad()).build());
  }
}
