package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import dev.reelscribe.generator.nn.ParameterTree;
import dev.reelscribe.models.nn.AdamSchedule;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped at a checkpoint and continued with the saved moments ends with the weights of the
 * run that never stopped; a fresh run trains as DJL's Adam does; a continuation without moments
 * ramps its learning rate up.
 */
class ResumableAdamTest {
  private static final int TOTAL = 40;
  private static final AdamSchedule SCHEDULE = new AdamSchedule(5e-2f, TOTAL);

  /** A 3 → 2 linear layer with fixed weights, fitted to a fixed target by plain squared error. */
  private static final class Fit implements AutoCloseable {
    final Model model = Model.newInstance("fit", "PyTorch");
    final Trainer trainer;
    final NDManager data = NDManager.newBaseManager();
    final NDArray x = data.create(new float[] {1f, -2f, 0.5f, 0.3f, 0.8f, -1.5f, 2f, 0.1f, -0.7f, -1f, 1f, 1f},
        new Shape(4, 3));
    final NDArray y = data.create(new float[] {0.5f, -1f, 2f, 0.3f, -0.4f, 1.2f, 0f, 0.9f}, new Shape(4, 2));

    Fit(DefaultTrainingConfig config) {
      model.setBlock(Linear.builder().setUnits(2).build());
      trainer = model.newTrainer(config);
      trainer.initialize(new Shape(4, 3));
      float v = 0.1f;
      for (Parameter p : ParameterTree.parameters(model.getBlock()).values()) {
        float[] values = new float[(int) p.getShape().size()];
        for (int i = 0; i < values.length; i++) {
          values[i] = v;
          v = -v * 1.3f + 0.05f;
        }
        p.getArray().set(values);
      }
    }

    void steps(int n) {
      for (int i = 0; i < n; i++) {
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDArray out = trainer.forward(new NDList(x)).head();
          gc.backward(out.sub(y).square().mean());
        }
        trainer.step();
      }
    }

    Map<String, float[]> weights() {
      Map<String, float[]> out = new LinkedHashMap<>();
      ParameterTree.parameters(model.getBlock()).forEach((name, p) -> out.put(name, p.getArray().toFloatArray()));
      return out;
    }

    void load(Map<String, float[]> weights) {
      ParameterTree.parameters(model.getBlock()).forEach((name, p) -> p.getArray().set(weights.get(name)));
    }

    @Override
    public void close() {
      trainer.close();
      model.close();
      data.close();
    }
  }

  private static Map<String, float[]> train(DefaultTrainingConfig config, int steps, Consumer<Fit> before) {
    try (Fit fit = new Fit(config)) {
      before.accept(fit);
      fit.steps(steps);
      return fit.weights();
    }
  }

  @Test
  void aFreshRunTrainsAsDjlsAdam() {
    Tracker rate = SCHEDULE.learningRate();
    Map<String, float[]> djl = train(SCHEDULE.trainingConfig(rate), 12, f -> {});
    Map<String, float[]> ours = train(new ResumableAdam(rate, 0, SCHEDULE.clipGrad()).trainingConfig(), 12, f -> {});
    djl.forEach((name, w) -> assertThat(ours.get(name)).as(name).containsExactly(w));
  }

  @Test
  void aRunContinuedWithItsMomentsEndsWhereTheUninterruptedRunEnds(@TempDir Path dir) throws Exception {
    Tracker rate = SCHEDULE.learningRate();
    Map<String, float[]> straight = train(new ResumableAdam(rate, 0, 1f).trainingConfig(), 20, f -> {});

    ResumableAdam first = new ResumableAdam(rate, 0, 1f);
    Map<String, float[]> halfway;
    Path moments = dir.resolve("adam.safetensors");
    try (Fit fit = new Fit(first.trainingConfig())) {
      fit.steps(8);
      halfway = fit.weights();
      first.save(fit.model.getBlock(), moments);
    }
    ResumableAdam second = new ResumableAdam(rate, 8, 1f);
    Map<String, float[]> continued = train(second.trainingConfig(), 12, fit -> {
      fit.load(halfway);
      try {
        second.restore(fit.model.getBlock(), moments);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });
    straight.forEach((name, w) -> {
      float[] c = continued.get(name);
      for (int i = 0; i < w.length; i++) {
        assertThat(c[i]).as(name + "[" + i + "]").isCloseTo(w[i], within(1e-5f));
      }
    });

    // the same continuation with fresh moments does not end there
    Map<String, float[]> fresh = train(new ResumableAdam(rate, 8, 1f).trainingConfig(), 12, fit -> fit.load(halfway));
    assertThat(fresh.get("weight")).isNotEqualTo(continued.get("weight"));
  }

  @Test
  void aRunContinuedWithoutMomentsRampsItsLearningRateUp() {
    Tracker rate = SCHEDULE.learningRate();
    Map<String, float[]> start = train(new ResumableAdam(rate, 0, 1f).trainingConfig(), 10, f -> {});
    Map<String, float[]> one = train(new ResumableAdam(rate, 10, 1f).trainingConfig(), 1, fit -> fit.load(start));
    // Adam's first bias-corrected update moves each weight by the learning rate (sign of the gradient):
    // here 1/RAMP of the schedule's rate at step 11
    float expected = rate.getNewValue(11) / ResumableAdam.RAMP;
    ResumableAdam continued = new ResumableAdam(rate, 10, 1f);
    assertThat(continued.rate(11)).isEqualTo(expected);
    assertThat(continued.rate(10 + ResumableAdam.RAMP)).isEqualTo(rate.getNewValue(10 + ResumableAdam.RAMP));
    assertThat(new ResumableAdam(rate, 0, 1f).rate(11)).isEqualTo(rate.getNewValue(11));
    float[] before = start.get("weight");
    float[] after = one.get("weight");
    for (int i = 0; i < before.length; i++) {
      assertThat(Math.abs(after[i] - before[i])).as("weight[" + i + "]").isCloseTo(expected, within(expected * 1e-2f));
    }
  }

  @Test
  void aCheckpointKeepsTheLatestMomentsUntilItsStageFinishes(@TempDir Path dir) throws Exception {
    GeneratorTrainer.State state = GeneratorTrainer.State.read(dir);
    java.io.StringWriter log = new java.io.StringWriter();
    ResumableAdam adam = state.optimizer("vae", SCHEDULE, 0, null, new java.io.PrintWriter(log, true));
    Path checkpoints = dir.resolve(GeneratorTrainer.CHECKPOINTS);
    try (Fit fit = new Fit(adam.trainingConfig())) {
      fit.steps(2);
      state.vaeStep = 2;
      state.checkpoint("vae", state.vaeStep, adam, fit.model.getBlock(), false);
      assertThat(checkpoints.resolve("vae-adam-2.safetensors")).isRegularFile();
      fit.steps(2);
      state.vaeStep = 4;
      state.checkpoint("vae", state.vaeStep, adam, fit.model.getBlock(), false);
      assertThat(checkpoints.resolve("vae-adam-4.safetensors")).isRegularFile();
      assertThat(checkpoints.resolve("vae-adam-2.safetensors")).doesNotExist();

      GeneratorTrainer.State again = GeneratorTrainer.State.read(dir);
      assertThat(again.vaeStep).isEqualTo(4);
      again.optimizer("vae", SCHEDULE, again.vaeStep, fit.model.getBlock(), new java.io.PrintWriter(log, true));
      assertThat(log.toString()).contains("[vae] continuing from step 4 with the optimiser's saved moments");
      again.optimizer("transformer", SCHEDULE, 3, fit.model.getBlock(), new java.io.PrintWriter(log, true));
      assertThat(log.toString()).contains("[transformer] continuing from step 3 without saved optimiser moments");

      state.vaeStep = 6;
      state.checkpoint("vae", state.vaeStep, adam, fit.model.getBlock(), true);
      assertThat(checkpoints).doesNotExist();
      assertThat(GeneratorTrainer.State.read(dir).vaeStep).isEqualTo(6);
    }
  }

  @Test
  void momentsOfAnotherModelAreRefused(@TempDir Path dir) throws Exception {
    ResumableAdam adam = new ResumableAdam(SCHEDULE.learningRate(), 0, 1f);
    Path moments = dir.resolve("adam.safetensors");
    try (Fit fit = new Fit(adam.trainingConfig())) {
      fit.steps(2);
      adam.save(fit.model.getBlock(), moments);
    }
    try (Model other = Model.newInstance("other", "PyTorch")) {
      other.setBlock(Linear.builder().setUnits(5).build());
      other.getBlock().initialize(other.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32, new Shape(4, 3));
      assertThatThrownBy(() -> new ResumableAdam(SCHEDULE.learningRate(), 2, 1f).restore(other.getBlock(), moments))
          .hasMessageContaining("does not hold the optimiser state of this model");
    }
  }
}
