package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.builtin.CaptionerConfig;
import dev.reelscribe.captioner.train.FrameCaptionerTrainer;
import dev.reelscribe.captioner.train.TrainOptions;
import dev.reelscribe.synthworld.score.Score;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe train}: trains the built-in models from scratch on synthworld. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Trains a built-in model from scratch on synthworld data (CPU, DJL + PyTorch).",
    subcommands = {TrainCommand.FrameCaptioner.class})
public final class TrainCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "frame-captioner",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "Trains the built-in frame captioner (CNN image encoder + transformer decoder) on synthworld",
          "frames rendered on the fly from --seed, graded every --eval-every steps on held-out frames",
          "of seed S+1 with TruthScorer. Writes a model directory (config.json, frame-captioner-0000.params,",
          "serving.properties, training.txt) that --frame-captioner-model accepts.",
          "The committed weights are this command's output with the defaults and",
          "--output captioner/src/main/resources/dev/reelscribe/captioner/model."},
      footer = {"", "Example:", "  reelscribe train frame-captioner --seed 1 --output out/models/frame-captioner"})
  static final class FrameCaptioner implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps. Default: ${DEFAULT-VALUE}.")
    int steps = 6500;

    @Option(names = "--batch", paramLabel = "B", description = "Frames per step. Default: ${DEFAULT-VALUE}.")
    int batch = 32;

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate = 1e-3f;

    @Option(names = "--eval-every", paramLabel = "N", description = "Steps between validations. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 1000;

    @Option(names = "--validation-frames", paramLabel = "N",
        description = "Held-out frames per validation. Default: ${DEFAULT-VALUE}.")
    int validationFrames = 96;

    @Option(names = "--output", paramLabel = "DIR", description = "Model directory. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/models/frame-captioner");

    @Override
    public Integer call() throws Exception {
      TrainOptions options = new TrainOptions(seed, steps, batch, learningRate, evalEvery, validationFrames, output);
      PrintWriter log = spec.commandLine().getOut();
      log.printf("training the frame captioner: seed %d, %d steps of %d frames -> %s%n", seed, steps, batch, output);
      Score score = new FrameCaptionerTrainer(CaptionerConfig.builtin(), options, log).train();
      log.println("validation on held-out frames (seed " + (seed + 1) + "):");
      log.print(score.table());
      log.println("wrote " + output.toAbsolutePath());
      return 0;
    }
  }
}
