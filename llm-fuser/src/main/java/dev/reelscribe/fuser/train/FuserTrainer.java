package dev.reelscribe.fuser.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.builtin.FuserBlock;
import dev.reelscribe.fuser.builtin.FuserConfig;
import dev.reelscribe.fuser.builtin.FuserModel;
import dev.reelscribe.fuser.builtin.FuserTokens;
import dev.reelscribe.models.nn.Decoding;
import dev.reelscribe.models.nn.AdamSchedule;
import dev.reelscribe.models.nn.TokenLoss;
import dev.reelscribe.synthworld.score.Kind;
import dev.reelscribe.synthworld.score.Score;
import dev.reelscribe.synthworld.score.TruthScorer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import dev.reelscribe.synthworld.truth.PromptWriter;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Trains the built-in fuser from scratch. Its caption-fusion examples are synthworld clips whose
 * frames the given frame captioner captioned (its real output, errors included; {@link
 * FusionExamples}) paired with the clips' canonical descriptions; its upsampling examples are short
 * prompts ({@link PromptWriter}) paired with the same descriptions. One model learns both, told
 * apart by the input's first token. Teacher-forced cross-entropy, Adam with warm-up and cosine
 * decay, and a validation pass every {@code evalEvery} steps: greedy descriptions of held-out clips
 * graded by {@link TruthScorer#scoreClip}.
 */
public final class FuserTrainer {
  private final FuserConfig config;
  private final FuserTrainOptions options;
  private final FuserTokens tokens;
  private final PrintWriter log;
  private final int chunk;

  /** The last validation: fused descriptions of held-out clips, and upsampled held-out prompts. */
  public record Result(Score fused, Score upsampled) {}

  private record Validation(SceneScript script, long[] input) {}

  public FuserTrainer(FuserConfig config, FuserTrainOptions options, PrintWriter log) {
    this(config, options, log, CHUNK);
  }

  /** As above, with {@code chunk} clips per cache file (tests use small ones). */
  FuserTrainer(FuserConfig config, FuserTrainOptions options, PrintWriter log, int chunk) {
    if (chunk < 1) {
      throw new IllegalArgumentException("chunk must be positive: " + chunk);
    }
    this.config = config;
    this.options = options;
    this.tokens = new FuserTokens(config);
    this.log = log;
    this.chunk = chunk;
  }

  /** Makes (or reads) the examples, trains, writes the model directory and returns the last validation. */
  public Result train(FrameCaptioner captioner, PrintStream progress) throws IOException, InterruptedException {
    List<FusionExample> examples = examples(captioner, options.seed(), options.clips(), progress);
    List<FusionExample> held = examples(captioner, options.seed() + 1, options.validationClips(), progress);
    List<Validation> fusionValidation = new ArrayList<>();
    List<Validation> upsampleValidation = new ArrayList<>();
    ScriptGenerator heldScripts = new ScriptGenerator(WorldConfig.defaults(), options.seed() + 1);
    for (int i = 0; i < held.size(); i++) {
      SceneScript script = heldScripts.script(i);
      fusionValidation.add(new Validation(script, tokens.input(input(held.get(i)))));
      if (upsampleValidation.size() < 32) {
        upsampleValidation.add(new Validation(script,
            tokens.prompt(PromptWriter.prompt(script, new SplittableRandom(i)))));
      }
    }
    Engine.getInstance().setRandomSeed((int) options.seed());
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    Thread producer = startProducer(examples, queue);
    long started = System.nanoTime();
    Result last = new Result(Score.empty(), Score.empty());
    try (Model model = Model.newInstance(FuserModel.NAME, "PyTorch")) {
      model.setBlock(new FuserBlock(config));
      AdamSchedule schedule = new AdamSchedule(options.learningRate(), options.steps());
      Tracker lr = schedule.learningRate();
      DefaultTrainingConfig trainingConfig = schedule.trainingConfig(lr);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        trainer.initialize(new Shape(options.batch(), config.maxInputTokens()), new Shape(options.batch(), 8));
        double lossSum = 0;
        int lossCount = 0;
        for (int step = 1; step <= options.steps(); step++) {
          Batch batch = queue.take();
          try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray in = m.create(batch.input, new Shape(batch.size, batch.inputLength));
            NDArray prefix = m.create(batch.prefix, new Shape(batch.size, batch.length));
            NDArray target = m.create(batch.target, new Shape(batch.size, batch.length));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDArray loss = TokenLoss.crossEntropy(trainer.forward(new NDList(in, prefix)).head(), target);
              lossSum += loss.getFloat();
              lossCount++;
              gc.backward(loss);
            }
            trainer.step();
          }
          if (step % options.evalEvery() == 0 || step == options.steps()) {
            last = new Result(validate(trainer, fusionValidation), validate(trainer, upsampleValidation));
            log.printf(Locale.ROOT, "step %d/%d  loss %.4f  lr %.2e  %.0fs  val fused: motion F1 %.3f  object F1 %.3f  "
                    + "colour F1 %.3f  position F1 %.3f  hallucination %.3f  upsampled: object F1 %.3f  motion F1 %.3f%n",
                step, options.steps(), lossSum / lossCount, lr.getNewValue(step), seconds(started),
                last.fused().tally(Kind.MOTION).f1(), last.fused().tally(Kind.OBJECT).f1(),
                last.fused().tally(Kind.COLOUR).f1(), last.fused().tally(Kind.POSITION).f1(),
                last.fused().hallucinationRate(), last.upsampled().tally(Kind.OBJECT).f1(),
                last.upsampled().tally(Kind.MOTION).f1());
            log.flush();
            lossSum = 0;
            lossCount = 0;
          } else if (step % 50 == 0) {
            log.printf(Locale.ROOT, "step %d/%d  loss %.4f  %.0fs%n", step, options.steps(), lossSum / lossCount,
                seconds(started));
            log.flush();
          }
        }
      }
      FuserModel.save(model, config, options.output());
      Files.writeString(options.output().resolve("training.txt"), String.format(Locale.ROOT,
          "command: reelscribe train fuser --seed %d --clips %d --frames %d --steps %d --batch %d --lr %s "
              + "--upsample-share %s --truth-share %s%s%nframe captioner: %s%nseconds: %.0f (training; captioning the examples not "
              + "included)%nvalidation, fused descriptions of %d held-out clips of seed %d:%n%s"
              + "validation, upsampled prompts of %d held-out clips:%n%s",
          options.seed(), options.clips(), options.framesPerClip(), options.steps(), options.batch(),
          options.learningRate(), options.upsampleShare(), options.truthShare(),
          config.objectTracks() ? " --object-tracks" : "", captioner.model().getModelId() + "@"
              + captioner.model().getVersion(), seconds(started), fusionValidation.size(), options.seed() + 1,
          last.fused().table(), upsampleValidation.size(), last.upsampled().table()));
    } finally {
      producer.interrupt();
      producer.join();
    }
    return last;
  }

  /** Clips per cache file: a run with more clips reuses the files an earlier, smaller run made. */
  static final int CHUNK = 500;

  /**
   * The captioned examples of clips {@code 0 .. count-1} of one seed, cached in files of {@code
   * chunk} clips per seed, frame count and captioner version; missing files are made.
   */
  private List<FusionExample> examples(FrameCaptioner captioner, long seed, int count, PrintStream progress)
      throws IOException {
    List<FusionExample> out = new ArrayList<>();
    String version = captioner.model().getVersion();
    int read = 0;
    for (int first = 0; first < count; first += chunk) {
      int n = Math.min(chunk, count - first);
      Path file = options.examplesDir().resolve(String.format(Locale.ROOT, "seed%d-clips%d-%d-%dframes-%s.jsonl", seed,
          first, first + n - 1, options.framesPerClip(), version));
      if (Files.isRegularFile(file)) {
        out.addAll(FusionExamples.read(file));
        read += n;
        continue;
      }
      log.printf(Locale.ROOT, "captioning clips %d-%d of seed %d (%d frames each) with %s%n", first, first + n - 1, seed,
          options.framesPerClip(), captioner.model().getModelId());
      log.flush();
      List<FusionExample> made;
      try (FrameCaptioner.Session session = captioner.open()) {
        made = FusionExamples.make(session, seed, first, n, options.framesPerClip(), progress);
      }
      Files.createDirectories(options.examplesDir());
      FusionExamples.write(made, file);
      out.addAll(made);
    }
    if (read > 0) {
      log.printf(Locale.ROOT, "read %d captioned clips of seed %d from %s%n", read, seed, options.examplesDir());
    }
    return out;
  }

  static FusionInput input(FusionExample e) {
    return new FusionInput(e.clipId(), e.captions(), e.durationSeconds());
  }

  private Score validate(Trainer trainer, List<Validation> validation) {
    Score total = Score.empty();
    for (int from = 0; from < validation.size(); from += 32) {
      List<Validation> chunk = validation.subList(from, Math.min(validation.size(), from + 32));
      int width = chunk.stream().mapToInt(v -> length(v.input())).max().orElse(1);
      long[] flat = new long[chunk.size() * width];
      for (int i = 0; i < chunk.size(); i++) {
        System.arraycopy(chunk.get(i).input(), 0, flat, i * width, width);
      }
      try (NDManager m = trainer.getManager().newSubManager()) {
        NDArray ids = trainer.evaluate(new NDList(m.create(flat, new Shape(chunk.size(), width)))).head();
        long[] out = ids.toLongArray();
        int t = (int) ids.getShape().get(1);
        for (int i = 0; i < chunk.size(); i++) {
          int[] row = new int[t];
          for (int j = 0; j < t; j++) {
            row[j] = (int) out[i * t + j];
          }
          total = total.plus(TruthScorer.scoreClip(tokens.vocabulary().decode(row), chunk.get(i).script()));
        }
      }
    }
    return total;
  }

  /** Input ids up to the last non-PAD one. */
  static int length(long[] ids) {
    int n = ids.length;
    while (n > 1 && ids[n - 1] == Decoding.PAD) {
      n--;
    }
    return n;
  }

  /** A batch, its input rows cut to the longest input and its token rows to the longest target. */
  private static final class Batch {
    final int size;
    final int inputLength;
    final int length;
    final long[] input;
    final long[] prefix;
    final long[] target;

    Batch(List<long[]> inputs, List<int[]> targets) {
      size = inputs.size();
      inputLength = inputs.stream().mapToInt(FuserTrainer::length).max().orElse(1);
      length = targets.stream().mapToInt(t -> t.length).max().orElse(1);
      input = new long[size * inputLength];
      prefix = new long[size * length];
      target = new long[size * length];
      for (int i = 0; i < size; i++) {
        System.arraycopy(inputs.get(i), 0, input, i * inputLength, inputLength);
        int[] t = targets.get(i);
        prefix[i * length] = Decoding.BOS;
        for (int j = 0; j < t.length; j++) {
          target[i * length + j] = t[j];
          if (j + 1 < length) {
            prefix[i * length + j + 1] = t[j];
          }
        }
      }
    }
  }

  private Thread startProducer(List<FusionExample> examples, BlockingQueue<Batch> queue) {
    List<long[]> fusionInputs = new ArrayList<>();
    List<int[]> fusionTargets = new ArrayList<>();
    for (FusionExample e : examples) {
      int[] target = tokens.target(e.description());
      if (target != null) {
        fusionInputs.add(tokens.input(input(e)));
        fusionTargets.add(target);
      }
    }
    if (fusionInputs.isEmpty()) {
      throw new IllegalStateException("no training example fits " + config.maxOutputTokens() + " output tokens");
    }
    Thread thread = new Thread(() -> {
      SplittableRandom random = new SplittableRandom(ScriptGenerator.mix(options.seed(), -2));
      ScriptGenerator prompts = new ScriptGenerator(WorldConfig.defaults(), options.seed() + 2);
      ScriptGenerator truthClips = new ScriptGenerator(WorldConfig.defaults(), options.seed() + 3);
      int truthIndex = 0;
      int[] order = new int[fusionInputs.size()];
      int next = order.length;
      int promptIndex = 0;
      try {
        while (!Thread.currentThread().isInterrupted()) {
          List<long[]> inputs = new ArrayList<>();
          List<int[]> targets = new ArrayList<>();
          while (inputs.size() < options.batch()) {
            double draw = random.nextDouble();
            if (draw >= options.upsampleShare() && draw < options.upsampleShare() + options.truthShare()) {
              FusionExample e = FusionExamples.truthCaptioned(truthClips.script(truthIndex++), options.framesPerClip());
              int[] target = tokens.target(e.description());
              if (target != null) {
                inputs.add(tokens.input(input(e)));
                targets.add(target);
              }
              continue;
            }
            if (draw < options.upsampleShare()) {
              SceneScript script = prompts.script(promptIndex++);
              int[] target = tokens.target(DescriptionWriter.canonical(script));
              if (target != null) {
                inputs.add(tokens.prompt(PromptWriter.prompt(script, random)));
                targets.add(target);
              }
              continue;
            }
            if (next == order.length) {
              shuffle(order, random);
              next = 0;
            }
            inputs.add(fusionInputs.get(order[next]));
            targets.add(fusionTargets.get(order[next]));
            next++;
          }
          queue.put(new Batch(inputs, targets));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "fuser-batches");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
