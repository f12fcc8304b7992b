package dev.reelscribe.generator.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import dev.reelscribe.generator.config.TransformerConfig;
import dev.reelscribe.models.nn.AdamSchedule;
import org.junit.jupiter.api.Test;

class CogVideoXTransformerTest {
  /** Two layers of width 64 over 4-channel latents: small enough to train a few steps in a test. */
  private static TransformerConfig small(boolean rope) {
    return new TransformerConfig(2, 32, 4, 4, true, 0, 32, 16, 2, 0f, true, 8, 8, 9, 2, 4, 6, true, 1e-5f, 1f, 1f, rope);
  }

  @Test
  void anUntrainedModelPredictsZeroAndKeepsTheLatentShape() {
    CogVideoXTransformer model = new CogVideoXTransformer(small(true));
    try (NDManager m = NDManager.newBaseManager()) {
      model.initialize(m, DataType.FLOAT32);
      NDArray latents = m.randomNormal(new Shape(2, 3, 4, 8, 6));
      NDArray text = m.randomNormal(new Shape(2, 6, 16));
      NDArray out = model.predict(new ParameterStore(m, false), latents, text, m.create(new float[] {10, 900}), false);
      assertThat(out.getShape()).isEqualTo(new Shape(2, 3, 4, 8, 6));
      // adaLN-Zero and a zero output projection: the head writes 0 until training moves it
      assertThat(out.abs().max().getFloat()).isZero();
    }
  }

  @Test
  void wrongLatentsAreRefused() {
    CogVideoXTransformer model = new CogVideoXTransformer(small(true));
    try (NDManager m = NDManager.newBaseManager()) {
      model.initialize(m, DataType.FLOAT32);
      assertThatThrownBy(() -> model.predict(new ParameterStore(m, false), m.zeros(new Shape(1, 3, 5, 8, 8)),
          m.zeros(new Shape(1, 6, 16)), m.zeros(new Shape(1)), false))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[B, F, 4, H, W]");
    }
  }

  /**
   * Trains both position variants a couple of hundred steps to map two text conditions to two different
   * latent targets: the loss falls well below its start, and the trained model's predictions follow
   * the text (so the text tokens reach the video tokens through the joint attention).
   */
  @Test
  void itLearnsToFollowTheText() {
    for (boolean rope : new boolean[] {true, false}) {
      withTrainer(small(rope), 5, 200, trainer -> {
        NDManager m = trainer.getManager();
        NDArray text = m.randomNormal(new Shape(2, 6, 16));
        NDArray target = m.randomNormal(new Shape(2, 2, 4, 4, 4));
        NDArray input = m.zeros(new Shape(2, 2, 4, 4, 4));
        NDArray steps = m.create(new float[] {500, 500});
        float first = 0;
        float last = 0;
        for (int step = 0; step < 200; step++) {
          try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray out = trainer.forward(new NDList(input, text, steps)).head();
            NDArray loss = out.sub(target).square().mean();
            if (step == 0) {
              first = loss.getFloat();
            }
            last = loss.getFloat();
            gc.backward(loss);
          }
          trainer.step();
        }
        assertThat(last).as("rope=" + rope).isLessThan(first * 0.2f);
        // swap the prompts: the predictions swap with them
        NDArray swapped = trainer.evaluate(new NDList(input, text.get("1:2").concat(text.get("0:1"), 0), steps)).head();
        NDArray wanted = target.get("1:2").concat(target.get("0:1"), 0);
        assertThat(swapped.sub(wanted).square().mean().getFloat()).as("rope=" + rope).isLessThan(first * 0.3f);
        return null;
      });
    }
  }

  /**
   * Where and when a token is: from pure noise (the first sampling step) and a fixed prompt, learn a
   * target that is a ramp over time and over x (an object moving right, as the model must draw it
   * before any noise is removed). Both position schemes learn it: the sin-cos table says each token's
   * place outright, and RoPE, though it only relates tokens to each other, lets a token find its
   * place from what it can attend to near the edges of the clip. Without positions every token
   * would see the same thing and the ramp could not be learnt. (Stop 25 asked whether the built-in
   * model's weak motion came from RoPE's lack of absolute positions; this says it does not.)
   */
  @Test
  void bothPositionSchemesTellEachTokenWhereAndWhenItIs() {
    for (boolean rope : new boolean[] {true, false}) {
      assertThat(fitRamp(small(rope))).as("rope=" + rope).isLessThan(0.01f);
    }
  }

  /** The loss after 150 steps on the ramp, as a share of the first step's. */
  private static float fitRamp(TransformerConfig config) {
    return withTrainer(config, 7, 150, trainer -> {
      NDManager m = trainer.getManager();
      int frames = 3;
      int side = 8;
      float[] ramp = new float[frames * 4 * side * side];
      for (int t = 0; t < frames; t++) {
        for (int c = 0; c < 4; c++) {
          for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
              ramp[((t * 4 + c) * side + y) * side + x] = (t - 1) + (x / 2 - 1.5f) / 1.5f;
            }
          }
        }
      }
      NDArray target = m.create(ramp, new Shape(1, frames, 4, side, side));
      NDArray text = m.ones(new Shape(1, 6, 16));
      NDArray steps = m.create(new float[] {999});
      float first = 0;
      float last = 0;
      for (int step = 0; step < 150; step++) {
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDArray noise = m.randomNormal(new Shape(1, frames, 4, side, side));
          NDArray loss = trainer.forward(new NDList(noise, text, steps)).head().sub(target).square().mean();
          if (step == 0) {
            first = loss.getFloat();
          }
          last = loss.getFloat();
          gc.backward(loss);
        }
        trainer.step();
      }
      return last / first;
    });
  }

  /** Builds the transformer from a seed and runs {@code body} with an Adam trainer scheduled over {@code steps}. */
  private static <T> T withTrainer(TransformerConfig config, int seed, int steps, java.util.function.Function<Trainer, T> body) {
    Engine.getInstance().setRandomSeed(seed);
    CogVideoXTransformer block = new CogVideoXTransformer(config);
    try (Model model = Model.newInstance("cogvideox-test", "PyTorch")) {
      model.setBlock(block);
      block.initialize(model.getNDManager(), DataType.FLOAT32);
      AdamSchedule schedule = new AdamSchedule(3e-3f, steps);
      try (Trainer trainer = model.newTrainer(schedule.trainingConfig(schedule.learningRate()))) {
        return body.apply(trainer);
      }
    }
  }
}
