package dev.reelscribe.captioner.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.tracker.Tracker;
import dev.reelscribe.captioner.builtin.BuiltinModel;
import dev.reelscribe.captioner.builtin.CaptionerConfig;
import dev.reelscribe.captioner.builtin.CaptionWriter;
import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.captioner.nn.FrameCaptionerBlock;
import dev.reelscribe.models.nn.AdamSchedule;
import dev.reelscribe.models.nn.TokenLoss;
import dev.reelscribe.synthworld.score.Kind;
import dev.reelscribe.synthworld.score.Score;
import dev.reelscribe.synthworld.score.TruthScorer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.captioner.builtin.FramePixels;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.opencv.core.Mat;

/**
 * Trains the built-in frame captioner from scratch on synthworld frames: teacher-forced
 * cross-entropy on the canonical captions, Adam with warm-up and cosine decay, and a validation pass
 * (greedy captions of held-out frames graded by TruthScorer) every {@code evalEvery} steps. A
 * producer thread renders the next batches while the current one trains.
 */
public final class FrameCaptionerTrainer {
  private final CaptionerConfig config;
  private final TrainOptions options;
  private final PrintWriter log;

  public FrameCaptionerTrainer(CaptionerConfig config, TrainOptions options, PrintWriter log) {
    this.config = config;
    this.options = options;
    this.log = log;
  }

  /** Trains, writes the model directory, and returns the last validation score. */
  public Score train() throws IOException, InterruptedException {
    Engine.getInstance().setRandomSeed((int) options.seed());
    FrameCaptionerBlock block = new FrameCaptionerBlock(config);
    List<Validation> validation = validationSet();
    BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(3);
    Thread producer = startProducer(queue);
    long started = System.nanoTime();
    Score last = Score.empty();
    try (Model model = Model.newInstance(BuiltinModel.NAME, "PyTorch")) {
      model.setBlock(block);
      AdamSchedule schedule = new AdamSchedule(options.learningRate(), options.steps());
      Tracker lr = schedule.learningRate();
      DefaultTrainingConfig trainingConfig = schedule.trainingConfig(lr);
      try (Trainer trainer = model.newTrainer(trainingConfig)) {
        int s = config.imageSize();
        trainer.initialize(new Shape(options.batch(), 3, s, s), new Shape(options.batch(), config.maxTokens()));
        double lossSum = 0;
        int lossCount = 0;
        for (int step = 1; step <= options.steps(); step++) {
          Batch batch = queue.take();
          try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray images = m.create(batch.pixels, new Shape(batch.size, 3, s, s));
            NDArray in = m.create(batch.input, new Shape(batch.size, batch.length));
            NDArray target = m.create(batch.target, new Shape(batch.size, batch.length));
            Shape cells = new Shape(batch.size, batch.cells);
            NDList aux = new NDList(m.create(batch.shapes, cells), m.create(batch.colours, cells),
                m.create(batch.sizes, cells));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList outputs = trainer.forward(new NDList(images, in));
              NDArray loss = TokenLoss.crossEntropy(outputs.get(0), target).add(auxiliaryLoss(outputs.get(1), aux).mul(AUX_WEIGHT));
              lossSum += loss.getFloat();
              lossCount++;
              gc.backward(loss);
            }
            trainer.step();
          }
          if (step % options.evalEvery() == 0 || step == options.steps()) {
            last = validate(trainer, validation);
            log.printf(Locale.ROOT, "step %d/%d  loss %.4f  lr %.2e  %.0fs  val object F1 %.3f  colour F1 %.3f  "
                    + "position F1 %.3f  size F1 %.3f  hallucination %.3f%n",
                step, options.steps(), lossSum / lossCount, lr.getNewValue(step), seconds(started),
                last.tally(Kind.OBJECT).f1(), last.tally(Kind.COLOUR).f1(), last.tally(Kind.POSITION).f1(),
                last.tally(Kind.SIZE).f1(), last.hallucinationRate());
            lossSum = 0;
            lossCount = 0;
          } else if (step % 50 == 0) {
            log.printf(Locale.ROOT, "step %d/%d  loss %.4f  %.0fs%n", step, options.steps(), lossSum / lossCount,
                seconds(started));
          }
        }
      }
      BuiltinModel.save(model, config, options.output());
      Files.writeString(options.output().resolve("training.txt"), String.format(Locale.ROOT,
          "command: reelscribe train frame-captioner --seed %d --steps %d --batch %d --lr %s --spin-share %s%n"
              + "seconds: %.0f%nvalidation (%d frames of seed %d):%n%s",
          options.seed(), options.steps(), options.batch(), options.learningRate(), options.spinShare(),
          seconds(started),
          validation.size(), options.seed() + 1, last.table()));
    } finally {
      producer.interrupt();
      producer.join();
    }
    return last;
  }

  /** Weight of the auxiliary per-cell loss against the caption loss. */
  static final float AUX_WEIGHT = 0.5f;

  /**
   * Cross-entropy of the per-cell shape, colour and size predictions; cells with an object count
   * ten times as much as empty ones.
   */
  static NDArray auxiliaryLoss(NDArray aux, NDList labels) {
    int[][] ranges = {{0, FrameCaptionerBlock.AUX_SHAPES},
        {FrameCaptionerBlock.AUX_SHAPES, FrameCaptionerBlock.AUX_SHAPES + FrameCaptionerBlock.AUX_COLOURS},
        {FrameCaptionerBlock.AUX_SHAPES + FrameCaptionerBlock.AUX_COLOURS,
            FrameCaptionerBlock.AUX_SHAPES + FrameCaptionerBlock.AUX_COLOURS + FrameCaptionerBlock.AUX_SIZES}};
    NDArray weight = labels.get(0).gt(0).toType(DataType.FLOAT32, false).mul(0.9f).add(0.1f);
    NDArray total = null;
    for (int h = 0; h < 3; h++) {
      NDArray logits = aux.get(new ai.djl.ndarray.index.NDIndex(":, :, " + ranges[h][0] + ":" + ranges[h][1]));
      NDArray picked = logits.logSoftmax(-1).mul(labels.get(h).oneHot(ranges[h][1] - ranges[h][0])
          .toType(DataType.FLOAT32, false)).sum(new int[] {-1});
      NDArray ce = picked.mul(weight).sum().neg().div(weight.sum());
      total = total == null ? ce : total.add(ce);
    }
    return total;
  }

  private Score validate(Trainer trainer, List<Validation> validation) {
    Score total = Score.empty();
    int s = config.imageSize();
    CaptionWriter writer = new CaptionWriter(config);
    for (int from = 0; from < validation.size(); from += 64) {
      List<Validation> chunk = validation.subList(from, Math.min(validation.size(), from + 64));
      float[] pixels = new float[chunk.size() * 3 * s * s];
      for (int i = 0; i < chunk.size(); i++) {
        System.arraycopy(chunk.get(i).pixels, 0, pixels, i * 3 * s * s, 3 * s * s);
      }
      try (NDManager m = trainer.getManager().newSubManager()) {
        List<String> texts = writer.texts(trainer.evaluate(new NDList(m.create(pixels, new Shape(chunk.size(), 3, s, s)))));
        for (int i = 0; i < chunk.size(); i++) {
          Validation v = chunk.get(i);
          String text = texts.get(i);
          total = total.plus(TruthScorer.scoreFrame(text, v.script, v.frame));
        }
      }
    }
    return total;
  }

  private record Validation(SceneScript script, int frame, float[] pixels) {}

  private List<Validation> validationSet() {
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), options.seed() + 1);
    SplittableRandom random = new SplittableRandom(ScriptGenerator.mix(options.seed() + 1, -1));
    List<Validation> out = new ArrayList<>();
    for (int i = 0; out.size() < options.validationFrames(); i++) {
      SceneScript script = generator.script(i);
      int frame = random.nextInt(script.frames());
      try (SceneRenderer renderer = new SceneRenderer(script)) {
        Mat mat = new Mat();
        renderer.render(frame, mat);
        out.add(new Validation(script, frame, FramePixels.fromEncoded(FramePixels.jpeg(mat, 85), config.imageSize())));
        mat.release();
      }
    }
    return out;
  }

  /** A batch; token rows are as long as the longest caption in it plus EOS, not {@code maxTokens}. */
  private static final class Batch {
    final int size;
    final int length;
    final float[] pixels;
    final long[] input;
    final long[] target;
    final int cells;
    final long[] shapes;
    final long[] colours;
    final long[] sizes;

    Batch(List<CaptionSample> samples, int pixelsPerImage) {
      size = samples.size();
      cells = samples.get(0).cellShapes().length;
      shapes = new long[size * cells];
      colours = new long[size * cells];
      sizes = new long[size * cells];
      for (int i = 0; i < size; i++) {
        for (int c = 0; c < cells; c++) {
          shapes[i * cells + c] = samples.get(i).cellShapes()[c];
          colours[i * cells + c] = samples.get(i).cellColours()[c];
          sizes[i * cells + c] = samples.get(i).cellSizes()[c];
        }
      }
      length = samples.stream().mapToInt(x -> x.tokens().length + 1).max().orElse(1);
      pixels = new float[size * pixelsPerImage];
      input = new long[size * length];
      target = new long[size * length];
      for (int i = 0; i < size; i++) {
        CaptionSample sample = samples.get(i);
        System.arraycopy(sample.pixels(), 0, pixels, i * pixelsPerImage, pixelsPerImage);
        input[i * length] = Vocabulary.BOS;
        int[] tok = sample.tokens();
        for (int j = 0; j < tok.length; j++) {
          if (j + 1 < length) {
            input[i * length + j + 1] = tok[j];
          }
          target[i * length + j] = tok[j];
        }
        target[i * length + tok.length] = Vocabulary.EOS;
      }
    }
  }

  private Thread startProducer(BlockingQueue<Batch> queue) {
    TrainingFrames frames = new TrainingFrames(WorldConfig.defaults(), options.seed(), config.vocab(),
        config.imageSize(), config.maxTokens(), config.gridSide(), options.spinShare());
    int per = 3 * config.imageSize() * config.imageSize();
    Thread thread = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          List<CaptionSample> samples = new ArrayList<>();
          for (int i = 0; i < options.batch(); i++) {
            samples.add(frames.next());
          }
          Batch b = new Batch(samples, per);
          queue.put(b);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "caption-batches");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }
}
