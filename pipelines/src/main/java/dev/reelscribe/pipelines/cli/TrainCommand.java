package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.captioner.builtin.CaptionerConfig;
import dev.reelscribe.fuser.builtin.FuserConfig;
import dev.reelscribe.fuser.builtin.MotionTable;
import dev.reelscribe.fuser.train.FuserTrainOptions;
import dev.reelscribe.fuser.train.FuserTrainer;
import dev.reelscribe.captioner.train.FrameCaptionerTrainer;
import dev.reelscribe.captioner.train.TrainOptions;
import dev.reelscribe.generator.diffusion.Parameterization;
import dev.reelscribe.generator.train.GeneratorTrainOptions;
import dev.reelscribe.generator.train.GeneratorTrainer;
import dev.reelscribe.synthworld.score.Score;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
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
    subcommands = {TrainCommand.FrameCaptioner.class, TrainCommand.Fuser.class, TrainCommand.MotionTableCommand.class,
        TrainCommand.Generator.class})
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
    int steps = 10000;

    @Option(names = "--batch", paramLabel = "B", description = "Frames per step. Default: ${DEFAULT-VALUE}.")
    int batch = 32;

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate = 1e-3f;

    @Option(names = "--eval-every", paramLabel = "N", description = "Steps between validations. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 1000;

    @Option(names = "--validation-frames", paramLabel = "N",
        description = "Held-out frames per validation. Default: ${DEFAULT-VALUE}.")
    int validationFrames = 96;

    @Option(names = "--spin-share", paramLabel = "P", description = {
        "Chance that a rotatable shape of a training clip spins, so shapes at an angle are common in",
        "training (synthworld spins about one object in ten). Validation frames are never changed.",
        "At 6,500 steps 0.3 cut errors on spinning shapes from 41%% to 14%% but cost as much on small",
        "ones; with 10,000 steps it wins on both (docs/benchmarks.md). 0 draws no random number and",
        "leaves the training stream as it was before spins existed. Default: ${DEFAULT-VALUE}."})
    double spinShare = 0.3;

    @Option(names = "--output", paramLabel = "DIR", description = "Model directory. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/models/frame-captioner");

    @Override
    public Integer call() throws Exception {
      TrainOptions options = new TrainOptions(seed, steps, batch, learningRate, evalEvery, validationFrames, spinShare,
          output);
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
          "about 10 minutes for the defaults, cached under --examples for reruns), and the targets are the",
          "clips' canonical descriptions. --truth-share of each batch fuses fresh clips of seed S+3 with",
          "synthworld's own frame captions instead (free to make, never repeated), --upsample-share",
          "upsamples short prompts. Validation grades held-out clips of seed S+1 with TruthScorer",
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

    @Option(names = "--truth-share", paramLabel = "P",
        description = {"Share of each batch that fuses truth-captioned clips: fresh clips of seed S+3 with synthworld's",
            "own frame captions (no rendering, no captioning, never repeated). The rest is the captioner's output.",
            "Default: ${DEFAULT-VALUE}."})
    double truthShare = 0.35;

    @Option(names = "--eval-every", paramLabel = "N", description = "Steps between validations. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 500;

    @Option(names = "--validation-clips", paramLabel = "N",
        description = "Held-out clips per validation. Default: ${DEFAULT-VALUE}.")
    int validationClips = 96;

    @Option(names = "--frame-captioner-model", paramLabel = "DIR",
        description = "Caption the training clips with this frame-captioner model directory. Default: the built-in one.")
    Path captionerModel;

    @Option(names = "--hedge-below", paramLabel = "P", description = {
        "Shape hedging of the captioner that captions the training clips (see caption --hedge-below).",
        "Default: ${DEFAULT-VALUE}, off: the fuser learns from every frame's best guess of each shape and",
        "weighs the frames against each other; the committed weights were trained so, and at run time",
        "fuse hedged captions better than unhedged ones (docs/benchmarks.md)."})
    double hedgeBelow = 0;

    @Option(names = "--grid-places", negatable = true, description = "Check the places in the training clips' "
        + "frame captions against the captioner's grid head (see caption --grid-places). Default: off, as the "
        + "committed weights were trained; at run time they fuse grid-checked captions (docs/benchmarks.md).")
    boolean gridPlaces;

    @Option(names = "--examples", paramLabel = "DIR",
        description = "Cache of captioned examples (per seed, count and captioner version). Default: ${DEFAULT-VALUE}.")
    Path examples = Path.of("reelscribe-out/models/fuser-examples");

    @Option(names = "--output", paramLabel = "DIR", description = "Model directory. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/models/caption-fuser");

    @Option(names = "--object-tracks", description = {
        "Lead each input with every object's track through the frames: its colour, then its size and 3x3",
        "cell in each frame (ObjectTracks). Trained both ways on the same data it made no difference beyond",
        "the noise of 100 held-out clips, so the committed weights do without (docs/benchmarks.md)."})
    boolean objectTracks;

    @Override
    public Integer call() throws Exception {
      FuserTrainOptions options = new FuserTrainOptions(seed, clips, frames, steps, batch, learningRate, evalEvery,
          validationClips, upsampleShare, truthShare, output, examples);
      PrintWriter log = spec.commandLine().getOut();
      log.printf("training the fuser: seed %d, %d clips x %d frames, %d steps of %d -> %s%n", seed, clips, frames,
          steps, batch, output);
      CaptionerSpec captionerSpec = (captionerModel == null ? CaptionerSpec.builtin()
          : CaptionerSpec.local(captionerModel.toString())).withHedgeBelow(hedgeBelow)
          .withGridPlaces(gridPlaces);
      FuserTrainer.Result result;
      try (dev.reelscribe.captioner.FrameCaptioner captioner = FrameCaptioners.open(captionerSpec)) {
        result = new FuserTrainer(FuserConfig.builtin().withObjectTracks(objectTracks), options, log)
            .train(captioner, System.err);
      }
      log.println("validation, fused descriptions of held-out clips (seed " + (seed + 1) + "):");
      log.print(result.fused().table());
      log.println("validation, upsampled prompts of held-out clips:");
      log.print(result.upsampled().table());
      log.println("wrote " + output.toAbsolutePath());
      return 0;
    }
  }

  @Command(
      name = "motion-table",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "Fits the built-in fuser's motion table: for --clips synthworld clips of --seed, every object's",
          "frame-caption evidence (its 3x3 cell and size in each of --frames sampled frames, as changes",
          "since the first) and the motion most often behind each evidence sequence. No model is involved",
          "(synthworld's own layouts), so the table is reproducible from the seed. Writes motion-table.tsv",
          "into --output, a fuser model directory: the fuser then checks the motions it writes against the",
          "frame captions' evidence (docs/benchmarks.md). The committed table is this command's output with",
          "the defaults and --output llm-fuser/src/main/resources/dev/reelscribe/fuser/model."},
      footer = {"", "Example:", "  reelscribe train motion-table --seed 7 --output out/models/caption-fuser"})
  static final class MotionTableCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Synthworld seed of the clips. Default: ${DEFAULT-VALUE}.")
    long seed = 7;

    @Option(names = "--clips", paramLabel = "N", description = "Clips to fit on. Default: ${DEFAULT-VALUE}.")
    int clips = 20_000;

    @Option(names = "--frames", paramLabel = "K", description = "Frames sampled per clip (uniform:K, as the fuser "
        + "is fed). Default: ${DEFAULT-VALUE}.")
    int frames = 8;

    @Option(names = "--output", paramLabel = "DIR", description = "Fuser model directory to write motion-table.tsv "
        + "into. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/models/caption-fuser");

    @Override
    public Integer call() throws Exception {
      PrintWriter log = spec.commandLine().getOut();
      log.printf("fitting the motion table: seed %d, %d clips x %d frames%n", seed, clips, frames);
      long start = System.nanoTime();
      MotionTable table = MotionTable.fit(seed, clips, frames);
      table.write(output);
      log.printf(Locale.ROOT, "%d evidence sequences in %.1f s; wrote %s%n", table.size(),
          (System.nanoTime() - start) / 1e9, output.resolve(MotionTable.FILE).toAbsolutePath());
      return 0;
    }
  }

  @Command(
      name = "generator",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "Trains the built-in text-to-video generator (CogVideoX's architecture at a CPU size): first the 3D",
          "causal VAE, then the transformer on the VAE's latents and the prompts' frozen MiniLM text states.",
          "Without --corpus it renders its own corpus: --clips single-object synthworld clips of --seed",
          "(64x64, 17 frames at 8 fps) with their dense descriptions, in the CogVideoX layout under",
          "--corpus-cache (reused). With --corpus DIR it trains on any CogVideoX layout (prompts.txt,",
          "videos.txt, videos/), e.g. the cogvideox/ directory `reelscribe caption` writes; clips are",
          "centre-cropped to 64x64 and their first 17 frames used.",
          "Progress every 25 steps, validation (VAE PSNR; transformer loss at t=100..900 on held-out clips)",
          "every --eval-every steps, a checkpoint every --checkpoint-every steps: rerun the same command to",
          "continue exactly where it stopped (the optimiser's moments are part of the checkpoint).",
          "Writes a diffusers-style model directory that --model accepts. The committed weights are this",
          "command's output with the flags their training.txt gives (generator/src/main/resources/",
          "dev/reelscribe/generator/model/)."},
      footer = {"", "Examples:", "  reelscribe train generator --seed 1 --output out/models/generator",
          "  reelscribe train generator --corpus out/run1/cogvideox --stage transformer --output out/models/generator"})
  static final class Generator implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--corpus", paramLabel = "DIR",
        description = "A CogVideoX layout to train on. Default: a synthworld corpus rendered from --seed.")
    Path corpus;

    @Option(names = "--corpus-cache", paramLabel = "DIR",
        description = "Where the synthworld corpus is rendered. Default: ${DEFAULT-VALUE}/seed-S.")
    Path corpusCache = Path.of("reelscribe-out/generator-corpus");

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the corpus, initialisation and sampling. Default: ${DEFAULT-VALUE}.")
    long seed = 1;

    @Option(names = "--clips", paramLabel = "N", description = "Synthworld clips to render. Default: ${DEFAULT-VALUE}.")
    int clips = 1200;

    @Option(names = "--stage", paramLabel = "vae|transformer|all",
        description = "Which modules to train (transformer needs a trained VAE in --output). Default: ${DEFAULT-VALUE}.")
    String stage = "all";

    @Option(names = "--vae-steps", paramLabel = "N", description = "VAE optimiser steps. Default: ${DEFAULT-VALUE}.")
    int vaeSteps = 3000;

    @Option(names = "--vae-batch", paramLabel = "B", description = "VAE crops (9x32x32) per step. Default: ${DEFAULT-VALUE}.")
    int vaeBatch = 8;

    @Option(names = "--vae-lr", paramLabel = "RATE", description = "VAE peak learning rate. Default: ${DEFAULT-VALUE}.")
    float vaeLearningRate = 2e-3f;

    @Option(names = "--vae-outline-weight", paramLabel = "W",
        description = "Weight of a VAE loss term on the pixel-to-pixel change within each frame (the reconstruction's "
            + "difference between neighbouring pixels against the video's, absolute, as the L1 term is): it prices "
            + "edges, so a small triangle given back as a soft blob costs more; 0 turns it off. At 2 it made 1,000 more "
            + "steps on the committed VAE diverge (PSNR 30 -> 26 dB; docs/benchmarks.md). Default: ${DEFAULT-VALUE}.")
    float vaeOutlineWeight = 0f;

    @Option(names = "--steps", paramLabel = "N", description = "Transformer optimiser steps (about 0.2 s each at half "
        + "resolution and 0.6-1.2 s at full resolution on 2 cores: the default about 100 minutes, 4000 about 55). "
        + "A larger N on a finished run extends it with a warm restart: the committed model is the default "
        + "run continued with --stage transformer --steps 16000 (about 110 minutes more). Default: ${DEFAULT-VALUE}.")
    int steps = 8000;

    @Option(names = "--batch", paramLabel = "B", description = "Transformer clips per step. Default: ${DEFAULT-VALUE}.")
    int batch = 16;

    @Option(names = "--lr", paramLabel = "RATE", description = "Transformer peak learning rate. Default: ${DEFAULT-VALUE}.")
    float learningRate = 1e-3f;

    @Option(names = "--prediction", paramLabel = "v|x0",
        description = "What the transformer predicts: x0 (the clean latents; learned faster here, see docs/benchmarks.md) "
            + "or v (CogVideoX's choice). Default: ${DEFAULT-VALUE}.")
    String prediction = "x0";

    @Option(names = "--low-res-share", paramLabel = "P",
        description = "Share of the transformer steps at half resolution (progressive training). Default: ${DEFAULT-VALUE}.")
    double lowResShare = 0.3;

    @Option(names = "--text-dropout", paramLabel = "P",
        description = "Share of prompts replaced by the empty prompt, for classifier-free guidance. Default: ${DEFAULT-VALUE}.")
    double textDropout = 0.1;

    @Option(names = "--object-weight", paramLabel = "W",
        description = "Weight of the transformer's loss on latent cells that hold an object (pixels that stand out "
            + "from the frame's background), against 1 for the rest. Default: ${DEFAULT-VALUE}.")
    float objectWeight = 4f;

    @Option(names = "--motion-weight", paramLabel = "W",
        description = "Weight of a second loss term on the frame-to-frame change of the latents (the prediction's "
            + "difference between neighbouring latent frames against the target's): zero on a still background, "
            + "large where an object moves; 0 turns it off. At 2 the built-in recipe moved no better and lost colour "
            + "(docs/benchmarks.md). Default: ${DEFAULT-VALUE}.")
    float motionWeight = 0f;

    @Option(names = "--outline-weight", paramLabel = "W",
        description = "Weight of a loss term on the cell-to-cell change within each latent frame (the prediction's "
            + "difference between neighbouring cells against the target's, the gradient-difference loss): it prices "
            + "an object's edges, so a round blob where the prompt's triangle is costs more than a background a shade "
            + "off; 0 turns it off. At 2, 4,000 more steps on the committed model drew shapes no better (9 of 100 "
            + "against 7; docs/benchmarks.md). Default: ${DEFAULT-VALUE}.")
    float outlineWeight = 0f;

    @Option(names = "--temporal-compression", paramLabel = "N",
        description = "Video frames a latent frame stands for after the first: 4 as in CogVideoX (17 frames, 5 latent "
            + "frames), 2 (9) or 1 (17). A new model only. Default: ${DEFAULT-VALUE}.")
    int temporalCompression = 4;

    @Option(names = "--layers", paramLabel = "N",
        description = "Transformer blocks. A new transformer only (a VAE-only directory takes it). At 8 a step costs "
            + "2 to 3 times the 4's (docs/benchmarks.md). Default: ${DEFAULT-VALUE}.")
    int layers = GeneratorTrainOptions.Architecture.BUILT_IN.layers();

    @Option(names = "--heads", paramLabel = "N",
        description = "Transformer attention heads of 32 channels (the width is 32 x N). A new transformer only. "
            + "Default: ${DEFAULT-VALUE}.")
    int heads = GeneratorTrainOptions.Architecture.BUILT_IN.heads();

    @Option(names = "--eval-every", paramLabel = "N", description = "Steps between validations. Default: ${DEFAULT-VALUE}.")
    int evalEvery = 250;

    @Option(names = "--checkpoint-every", paramLabel = "N", description = "Steps between checkpoints. Default: ${DEFAULT-VALUE}.")
    int checkpointEvery = 250;

    @Option(names = "--output", paramLabel = "DIR", description = "Model directory. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/models/generator");

    @Override
    public Integer call() throws Exception {
      GeneratorTrainOptions.Stage which = switch (stage.toLowerCase(java.util.Locale.ROOT)) {
        case "vae" -> GeneratorTrainOptions.Stage.VAE;
        case "transformer" -> GeneratorTrainOptions.Stage.TRANSFORMER;
        case "all" -> GeneratorTrainOptions.Stage.ALL;
        default -> throw new CommandLine.ParameterException(spec.commandLine(), "--stage must be vae, transformer or all");
      };
      GeneratorTrainOptions options = new GeneratorTrainOptions(corpus, corpusCache.resolve("seed-" + seed), seed, clips,
          which, vaeSteps, vaeBatch, vaeLearningRate, vaeOutlineWeight, steps, batch, learningRate, Parameterization.parse(prediction),
          lowResShare, textDropout, objectWeight, motionWeight, outlineWeight,
          new GeneratorTrainOptions.Architecture(layers, heads, temporalCompression), evalEvery, checkpointEvery, output);
      PrintWriter log = spec.commandLine().getOut();
      log.printf("training the generator (%s): seed %d, VAE %d steps of %d, transformer %d steps of %d (%s) -> %s%n",
          which.name().toLowerCase(java.util.Locale.ROOT), seed, vaeSteps, vaeBatch, steps, batch, prediction, output);
      log.flush();
      GeneratorTrainer.Summary s = new GeneratorTrainer(options, log).train();
      // a stage this run did not train was not measured: say so rather than print NaN
      if (Double.isNaN(s.vaePsnr())) {
        log.printf(java.util.Locale.ROOT, "VAE: %d steps (not trained in this run), latent scaling %.4f%n",
            s.vaeStep(), s.scalingFactor());
      } else {
        log.printf(java.util.Locale.ROOT, "VAE: %d steps, held-out PSNR %.2f dB, latent scaling %.4f%n", s.vaeStep(),
            s.vaePsnr(), s.scalingFactor());
      }
      if (Double.isNaN(s.validationLoss())) {
        log.printf("transformer: %d steps (not trained in this run)%n", s.transformerStep());
      } else {
        log.printf(java.util.Locale.ROOT, "transformer: %d steps, held-out loss %.4f%n", s.transformerStep(),
            s.validationLoss());
      }
      log.println("wrote " + output.toAbsolutePath());
      return 0;
    }
  }
}
