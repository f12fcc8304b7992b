package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.captioner.builtin.CaptionerConfig;
import dev.reelscribe.fuser.builtin.FuserConfig;
import dev.reelscribe.fuser.train.FuserTrainOptions;
import dev.reelscribe.fuser.train.FuserTrainer;
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
    subcommands = {TrainCommand.FrameCaptioner.class, TrainCommand.Fuser.class})
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

  @Command(
      name = "fuser",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "Trains the built-in fuser (a transformer encoder-decoder) that fuses a clip's timestamped frame",
          "captions into one dense description and upsamples short prompts. Its inputs are real frame",
          "captioner output: --clips synthworld clips of --seed are rendered, --frames frames of each are",
          "captioned by the frame captioner (the built-in one unless --frame-captioner-model is given;",
          "about 20 minutes for the defaults, cached under --examples for reruns), and the targets are the",
          "clips' canonical descriptions. Validation grades held-out clips of seed S+1 with TruthScorer",
          "every --eval-every steps. Writes a model directory (config.json, caption-fuser-0000.params,",
          "serving.properties, training.txt) that --fuser-model accepts.",
          "The committed weights are this command's output with the defaults and",
          "--output llm-fuser/src/main/resources/dev/reelscribe/fuser/model."},
      footer = {"", "Example:", "  reelscribe train fuser --seed 1 --output out/models/caption-fuser"})
  static final class Fuser implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Training seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--clips", paramLabel = "N", description = "Captioned training clips. Default: ${DEFAULT-VALUE}.")
    int clips = 6000;

    @Option(names = "--frames", paramLabel = "K", description = "Frames captioned per clip. Default: ${DEFAULT-VALUE}.")
    int frames = 8;

    @Option(names = "--steps", paramLabel = "N", description = "Optimizer steps. Default: ${DEFAULT-VALUE}.")
    int steps = 4000;

    @Option(names = "--batch", paramLabel = "B", description = "Examples per step. Default: ${DEFAULT-VALUE}.")
    int batch = 16;

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate = 1e-3f;

    @Option(names = "--upsample-share", paramLabel = "P",
        description = "Share of each batch that trains prompt upsampling. Default: ${DEFAULT-VALUE}.")
    double upsampleShare = 0.2;

    @Option(names = "--eval-every", paramLabel = "N", description = "Steps between validations. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 500;

    @Option(names = "--validation-clips", paramLabel = "N",
        description = "Held-out clips per validation. Default: ${DEFAULT-VALUE}.")
    int validationClips = 96;

    @Option(names = "--frame-captioner-model", paramLabel = "DIR",
        description = "Caption the training clips with this frame-captioner model directory. Default: the built-in one.")
    Path captionerModel;

    @Option(names = "--examples", paramLabel = "DIR",
        description = "Cache of captioned examples (per seed, count and captioner version). Default: ${DEFAULT-VALUE}.")
    Path examples = Path.of("reelscribe-out/models/fuser-examples");

    @Option(names = "--output", paramLabel = "DIR", description = "Model directory. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/models/caption-fuser");

    @Override
    public Integer call() throws Exception {
      FuserTrainOptions options = new FuserTrainOptions(seed, clips, frames, steps, batch, learningRate, evalEvery,
          validationClips, upsampleShare, output, examples);
      PrintWriter log = spec.commandLine().getOut();
      log.printf("training the fuser: seed %d, %d clips x %d frames, %d steps of %d -> %s%n", seed, clips, frames,
          steps, batch, output);
      CaptionerSpec captionerSpec = captionerModel == null ? CaptionerSpec.builtin()
          : CaptionerSpec.local(captionerModel.toString());
      FuserTrainer.Result result;
      try (dev.reelscribe.captioner.FrameCaptioner captioner = FrameCaptioners.open(captionerSpec)) {
        result = new FuserTrainer(FuserConfig.builtin(), options, log).train(captioner, System.err);
      }
      log.println("validation, fused descriptions of held-out clips (seed " + (seed + 1) + "):");
      log.print(result.fused().table());
      log.println("validation, upsampled prompts of held-out clips:");
      log.print(result.upsampled().table());
      log.println("wrote " + output.toAbsolutePath());
      return 0;
    }
  }
}
