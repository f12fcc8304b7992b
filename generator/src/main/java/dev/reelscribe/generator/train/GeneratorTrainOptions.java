package dev.reelscribe.generator.train;

import dev.reelscribe.generator.diffusion.Parameterization;
import java.nio.file.Path;

/**
 * What {@code reelscribe train generator} trains on and for how long.
 *
 * @param corpus a CogVideoX layout directory to train on, or null for the synthworld corpus
 * @param corpusCache where the synthworld corpus is rendered (reused when complete)
 * @param seed the seed of the synthworld corpus, the initialisation and every random draw
 * @param clips synthworld clips to render (ignored with a corpus)
 * @param stage which modules to train
 * @param vaeSteps VAE optimiser steps
 * @param vaeBatch VAE crops per step
 * @param vaeLearningRate VAE peak learning rate
 * @param vaeOutlineWeight weight of a VAE loss term on the pixel-to-pixel change within a frame: the
 *     absolute error of the reconstruction's difference between neighbouring pixels against the
 *     video's (pixels that stand out weighted as in the reconstruction term; {@link
 *     NeighbourLoss#pixelOutline}). It prices edges — a small triangle given back as a soft blob — over
 *     flat colour; 0 (the default) turns it off
 * @param steps transformer optimiser steps
 * @param batch transformer clips per step
 * @param learningRate transformer peak learning rate
 * @param prediction v- or x0-prediction
 * @param lowResolutionShare share of the transformer steps trained at half resolution first
 * @param textDropout share of prompts replaced by the empty prompt (for classifier-free guidance)
 * @param objectWeight weight of the transformer's loss on latent cells that hold an object (1 for the
 *     background): an object is a few percent of a synthworld latent, and unweighted the model learns
 *     the background long before it draws one
 * @param motionWeight weight of a second loss term on the frame-to-frame change: the squared error of
 *     the prediction's difference between neighbouring latent frames against the target's (object
 *     cells weighted as above). It is zero on a still background and large where an object moves, so
 *     it adds to the loss exactly what a model that draws the object in place but does not move it gets
 *     wrong; 0 (the default) turns it off. Measured at 2 on the built-in recipe: motion 0.35 against
 *     0.33, colour 0.74 against 0.98 (docs/benchmarks.md), so it is off
 * @param outlineWeight weight of a loss term on the cell-to-cell change within a frame: the squared error
 *     of the prediction's difference between horizontally and vertically neighbouring latent cells
 *     against the target's (object cells weighted as above; {@link NeighbourLoss#outline}). It prices an
 *     object's edges — a round blob where the prompt's triangle is — over its flat interior and the
 *     background; 0 (the default) turns it off
 * @param architecture the model's size: the transformer's depth and heads, and the temporal compression
 *     of both modules (a model directory keeps what it was made with)
 * @param evalEvery steps between validation lines
 * @param checkpointEvery steps between checkpoints (a rerun resumes from the last)
 * @param output the model directory
 */
public record GeneratorTrainOptions(
    Path corpus,
    Path corpusCache,
    long seed,
    int clips,
    Stage stage,
    int vaeSteps,
    int vaeBatch,
    float vaeLearningRate,
    float vaeOutlineWeight,
    int steps,
    int batch,
    float learningRate,
    Parameterization prediction,
    double lowResolutionShare,
    double textDropout,
    float objectWeight,
    float motionWeight,
    float outlineWeight,
    Architecture architecture,
    int evalEvery,
    int checkpointEvery,
    Path output) {

  /** Which modules a run trains. */
  public enum Stage {
    VAE, TRANSFORMER, ALL;

    boolean vae() {
      return this != TRANSFORMER;
    }

    boolean transformer() {
      return this != VAE;
    }
  }

  /**
   * The sizes a run can choose; everything else is {@link dev.reelscribe.generator.config.TransformerConfig#tiny()}
   * and {@link dev.reelscribe.generator.config.VaeConfig#tiny()}.
   *
   * @param layers transformer blocks ({@code num_layers})
   * @param heads attention heads of 32 channels each ({@code num_attention_heads}; the width is 32 × heads)
   * @param temporalCompression video frames a latent frame stands for after the first (the VAE's
   *     {@code temporal_compression_ratio}, and the transformer's): 4 as in CogVideoX, or 2 or 1 for more
   *     latent frames
   */
  public record Architecture(int layers, int heads, int temporalCompression) {
    /** The built-in generator's: 4 layers of 4 heads, temporal compression 4. */
    public static final Architecture BUILT_IN = new Architecture(4, 4, 4);

    public Architecture {
      if (layers < 1 || heads < 1) {
        throw new IllegalArgumentException("--layers and --heads must be at least 1, got " + layers + " and " + heads);
      }
      if (temporalCompression != 1 && temporalCompression != 2 && temporalCompression != 4) {
        throw new IllegalArgumentException("--temporal-compression must be 1, 2 or 4 (the built-in VAE has two "
            + "down-sampling stages), got " + temporalCompression);
      }
    }
  }

  public GeneratorTrainOptions {
    if (clips < 8 || vaeSteps < 0 || steps < 0 || vaeBatch < 1 || batch < 1 || evalEvery < 1 || checkpointEvery < 1) {
      throw new IllegalArgumentException("clips must be >= 8; steps >= 0; batch sizes and intervals >= 1");
    }
    if (!(lowResolutionShare >= 0 && lowResolutionShare <= 1) || !(textDropout >= 0 && textDropout < 1)) {
      throw new IllegalArgumentException("--low-res-share must be in [0, 1] and --text-dropout in [0, 1)");
    }
    if (!(objectWeight >= 1)) {
      throw new IllegalArgumentException("--object-weight must be at least 1, got " + objectWeight);
    }
    if (architecture == null) {
      throw new IllegalArgumentException("an architecture is required");
    }
    if (!(motionWeight >= 0)) {
      throw new IllegalArgumentException("--motion-weight must be at least 0, got " + motionWeight);
    }
    if (!(vaeOutlineWeight >= 0)) {
      throw new IllegalArgumentException("--vae-outline-weight must be at least 0, got " + vaeOutlineWeight);
    }
    if (!(outlineWeight >= 0)) {
      throw new IllegalArgumentException("--outline-weight must be at least 0, got " + outlineWeight);
    }
  }
}
