package dev.reelscribe.captioner.train;

import java.nio.file.Path;

/**
 * How {@code reelscribe train frame-captioner} trains.
 *
 * @param seed everything random (synthworld scripts, frame choice, JPEG quality, initial weights)
 * @param steps optimizer steps
 * @param batch frames per step
 * @param learningRate peak Adam learning rate (linear warm-up, then cosine decay to 2% of it)
 * @param evalEvery steps between validation passes
 * @param validationFrames held-out frames per validation pass (scripts from seed + 1)
 * @param spinShare chance that a rotatable shape of a training script spins ({@link Spins}); validation
 *     frames are never changed
 * @param output the model directory to write
 */
public record TrainOptions(
    long seed, int steps, int batch, float learningRate, int evalEvery, int validationFrames, double spinShare,
    Path output) {

  public TrainOptions {
    if (steps < 1 || batch < 1 || evalEvery < 1 || validationFrames < 1) {
      throw new IllegalArgumentException("steps, batch, evalEvery and validationFrames must be positive");
    }
    if (!(spinShare >= 0 && spinShare <= 1)) {
      throw new IllegalArgumentException("spin share must be in [0,1], got " + spinShare);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learning rate must be positive");
    }
  }
}
