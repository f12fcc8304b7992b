package dev.reelscribe.generator.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.frames.Result;
import dev.reelscribe.generator.GeneratorModel;
import dev.reelscribe.generator.config.GeneratorSpec;
import dev.reelscribe.generator.config.SchedulerConfig;
import dev.reelscribe.generator.config.TransformerConfig;
import dev.reelscribe.generator.config.VaeConfig;
import dev.reelscribe.generator.data.ClipLoader;
import dev.reelscribe.generator.data.CogVideoXLayout;
import dev.reelscribe.generator.data.GeneratorWorld;
import dev.reelscribe.generator.data.SynthCorpus;
import dev.reelscribe.generator.diffusion.NoiseSchedule;
import dev.reelscribe.generator.diffusion.Parameterization;
import dev.reelscribe.generator.diffusion.TimestepSampler;
import dev.reelscribe.generator.text.MiniLmTextEncoder;
import dev.reelscribe.generator.vae.VaeLoss;
import dev.reelscribe.models.nn.AdamSchedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiConsumer;

/**
 * Trains the built-in generator from scratch, the way CogVideoX is trained, at a size a 2-core CPU
 * manages: first the 3D causal VAE (L1 + L2 + KL on random 9-frame 32x32 crops of the corpus clips,
 * pixels that stand out from the background weighted up;
 * it is convolutional, so it then runs on whole clips), then its latent scaling factor is measured,
 * every clip is encoded once, and the transformer learns to denoise the latents under the prompts'
 * frozen text states (v- or x0-prediction, explicit uniform timesteps, text dropped for
 * classifier-free guidance, latent cells that hold an object weighted up: {@link ObjectCells}; optionally
 * the errors of neighbouring cells' differences in time and space priced too: {@link NeighbourLoss}) with
 * progressive resolution: a share of the steps at half resolution,
 * then at full. Every {@code checkpointEvery} steps the weights, the optimiser's moments and the
 * step reached are saved, and a rerun with the same output continues from there as if it had never
 * stopped ({@link ResumableAdam}).
 */
public final class GeneratorTrainer {
  /** The clips the built-in generator is made for. */
  public static final GeneratorWorld WORLD = GeneratorWorld.builtin();
  /** Tokens per prompt of the built-in generator. */
  public static final int TEXT_LENGTH = 48;
  private static final int CROP_FRAMES = 9;
  private static final int CROP_SIZE = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final GeneratorTrainOptions options;
  private final PrintWriter log;
  private final SplittableRandom random;

  public GeneratorTrainer(GeneratorTrainOptions options, PrintWriter log) {
    this.options = options;
    this.log = log;
    this.random = new SplittableRandom(options.seed());
  }

  /** The clips of a corpus, decoded to {@link GeneratorWorld}'s size and frame count. */
  record Clips(List<byte[]> videos, List<String> prompts) {}

  /** What a run measured last. */
  public record Summary(double vaePsnr, double validationLoss, float scalingFactor, int vaeStep, int transformerStep) {}

  public Summary train() throws IOException {
    List<CogVideoXLayout.Sample> samples = options.corpus() == null
        ? SynthCorpus.ensure(options.corpusCache(), WORLD, options.seed(), options.clips(), log)
        : CogVideoXLayout.read(options.corpus());
    Clips all = decode(samples);
    int held = Math.max(4, all.videos().size() / 20);
    if (all.videos().size() < held + 4) {
      throw new IOException("only " + all.videos().size() + " clips decode; at least " + (held + 4) + " are needed");
    }
    int split = all.videos().size() - held;
    Clips train = new Clips(all.videos().subList(0, split), all.prompts().subList(0, split));
    Clips validation = new Clips(all.videos().subList(split, all.videos().size()),
        all.prompts().subList(split, all.prompts().size()));
    log.printf("[generator] %d training clips, %d held out for validation%n", train.videos().size(),
        validation.videos().size());

    Path out = options.output();
    State state = State.read(out);
    double psnr = Double.NaN;
    double validationLoss = Double.NaN;
    try (MiniLmTextEncoder text = MiniLmTextEncoder.load(TEXT_LENGTH);
        GeneratorModel model = openOrCreate(out, text.id())) {
      if (options.stage().vae()) {
        psnr = new VaeStage(model, train, validation, state).run();
      }
      if (options.stage().transformer()) {
        if (!model.hasVaeWeights(out)) {
          throw new IOException(out + " has no trained VAE; train it first (--stage vae or all)");
        }
        validationLoss = new TransformerStage(model, text, train, validation, state).run();
      }
      return new Summary(psnr, validationLoss, model.scalingFactor(), state.vaeStep, state.transformerStep);
    }
  }

  private GeneratorModel openOrCreate(Path out, String textEncoder) throws IOException {
    // Seeded here, after the corpus is decoded and the text encoder loaded, not before them: seeded at
    // the start of train(), the first run in a JVM drew a varying amount from the engine's generator
    // before this point (the cause was not found), so its weights differed from run to run now and then.
    Engine.getInstance().setRandomSeed((int) options.seed());
    GeneratorTrainOptions.Architecture shape = options.architecture();
    if (Files.isRegularFile(out.resolve("model_index.json"))) {
      GeneratorModel model = openWithShape(out, shape);
      if (!model.spec().textEncoder().equals(textEncoder)) {
        model.close();
        throw new IOException(out + " was trained with text encoder " + model.spec().textEncoder() + ", not " + textEncoder);
      }
      Parameterization trained = model.scheduler().parameterization();
      if (trained != options.prediction()) {
        model.close();
        throw new IOException(out + " predicts " + trained.name().toLowerCase(Locale.ROOT) + ", not "
            + options.prediction().name().toLowerCase(Locale.ROOT) + "; pass --prediction "
            + trained.name().toLowerCase(Locale.ROOT) + " to continue it, or train into a new --output");
      }
      int ratio = model.vae().config().temporalCompressionRatio();
      if (ratio != shape.temporalCompression()) {
        model.close();
        throw new IOException(out + " has temporal compression " + ratio + ", not " + shape.temporalCompression()
            + "; pass --temporal-compression " + ratio + " to continue it, or train into a new --output");
      }
      log.printf("[generator] continuing the model in %s%n", out);
      return model;
    }
    GeneratorSpec spec = new GeneratorSpec(WORLD.frames(), WORLD.size(), WORLD.size(), 8, textEncoder, TEXT_LENGTH);
    TransformerConfig t = TransformerConfig.tiny();
    TransformerConfig withText = new TransformerConfig(t.numAttentionHeads(), t.attentionHeadDim(), t.inChannels(),
        t.outChannels(), t.flipSinToCos(), t.freqShift(), t.timeEmbedDim(), MiniLmTextEncoder.WIDTH, t.numLayers(),
        t.dropout(), t.attentionBias(), t.sampleWidth(), t.sampleHeight(), t.sampleFrames(), t.patchSize(),
        shape.temporalCompression(), TEXT_LENGTH, t.normElementwiseAffine(), t.normEps(), t.spatialInterpolationScale(),
        t.temporalInterpolationScale(), t.useRotaryPositionalEmbeddings()).withLayersAndHeads(shape.layers(), shape.heads());
    GeneratorModel model = GeneratorModel.create(spec, SchedulerConfig.of(options.prediction(), 1.0),
        VaeConfig.tiny().withTemporalCompression(shape.temporalCompression()), withText);
    model.saveConfigs(out);
    return model;
  }

  /**
   * Loads a model directory with the run's transformer depth and heads: a transformer not trained yet
   * (a VAE-only directory) is made to the run's shape; a trained one of another shape is refused.
   */
  private GeneratorModel openWithShape(Path out, GeneratorTrainOptions.Architecture shape) throws IOException {
    TransformerConfig have = GeneratorModel.transformerConfig(out);
    if (have.numLayers() == shape.layers() && have.numAttentionHeads() == shape.heads()) {
      return GeneratorModel.load(out);
    }
    if (State.read(out).transformerStep > 0 || GeneratorModel.holdsTransformerWeights(out)) {
      throw new IOException(out + " has a transformer of " + have.numLayers() + " layers and " + have.numAttentionHeads()
          + " heads, not " + shape.layers() + " and " + shape.heads() + "; pass --layers " + have.numLayers()
          + " --heads " + have.numAttentionHeads() + " to continue it, or train into a new --output");
    }
    log.printf("[generator] the transformer in %s is not trained yet: making it %d layers of %d heads%n", out,
        shape.layers(), shape.heads());
    return GeneratorModel.loadWithNewTransformer(out, have.withLayersAndHeads(shape.layers(), shape.heads()));
  }

  private Clips decode(List<CogVideoXLayout.Sample> samples) {
    List<byte[]> videos = new ArrayList<>();
    List<String> prompts = new ArrayList<>();
    int failed = 0;
    long started = System.nanoTime();
    for (CogVideoXLayout.Sample s : samples) {
      Result<byte[]> r = ClipLoader.load(s.video(), WORLD.frames(), WORLD.size());
      if (r instanceof Result.Ok<byte[]> ok) {
        videos.add(ok.value());
        prompts.add(s.prompt());
      } else {
        failed++;
        if (failed <= 5) {
          log.printf("[generator] skipping %s: %s%n", s.video(), ((Result.Failed<byte[]>) r).reason());
        }
      }
    }
    log.printf(Locale.ROOT, "[generator] decoded %d clips (%d skipped) in %.0f s%n", videos.size(), failed,
        seconds(started));
    return new Clips(videos, prompts);
  }

  /** Clip bytes {@code [3, T, S, S]} → floats in {@code [-1, 1]}, optionally cropped in time and space. */
  static float[] pixels(byte[] clip, int frames, int size, int t0, int cropFrames, int y0, int x0, int crop) {
    float[] out = new float[3 * cropFrames * crop * crop];
    int i = 0;
    for (int c = 0; c < 3; c++) {
      for (int t = 0; t < cropFrames; t++) {
        int base = (c * frames + t0 + t) * size * size;
        for (int y = 0; y < crop; y++) {
          for (int x = 0; x < crop; x++) {
            out[i++] = (clip[base + (y0 + y) * size + x0 + x] & 0xff) / 127.5f - 1f;
          }
        }
      }
    }
    return out;
  }

  /** Weight of a pixel that stands out from its frame's background, against 1 for the rest. */
  static final float FOREGROUND_WEIGHT = 3f;

  /**
   * Per-pixel weights {@code [B, 1, T, S, S]}: {@link #FOREGROUND_WEIGHT} where any channel differs
   * from the frame's median colour by more than 0.25 (32 of 255 levels), else 1. An object covers a
   * few percent of a synthworld frame; without this its colour is the last thing the VAE learns.
   */
  static float[] foregroundWeight(float[] batch, int b, int frames, int size) {
    int pixels = size * size;
    float[] out = new float[b * frames * pixels];
    float[] values = new float[pixels];
    float[] median = new float[3];
    for (int i = 0; i < b; i++) {
      for (int t = 0; t < frames; t++) {
        for (int c = 0; c < 3; c++) {
          System.arraycopy(batch, (((i * 3 + c) * frames) + t) * pixels, values, 0, pixels);
          java.util.Arrays.sort(values);
          median[c] = values[pixels / 2];
        }
        for (int p = 0; p < pixels; p++) {
          boolean stands = false;
          for (int c = 0; c < 3 && !stands; c++) {
            stands = Math.abs(batch[(((i * 3 + c) * frames) + t) * pixels + p] - median[c]) > 0.25f;
          }
          out[(i * frames + t) * pixels + p] = stands ? FOREGROUND_WEIGHT : 1f;
        }
      }
    }
    return out;
  }

  /** Averages 2x2 pixel blocks: a clip at half resolution. */
  static float[] halve(float[] pixels, int frames, int size) {
    int half = size / 2;
    float[] out = new float[3 * frames * half * half];
    for (int ct = 0; ct < 3 * frames; ct++) {
      for (int y = 0; y < half; y++) {
        for (int x = 0; x < half; x++) {
          int a = ct * size * size + 2 * y * size + 2 * x;
          out[ct * half * half + y * half + x] = (pixels[a] + pixels[a + 1] + pixels[a + size] + pixels[a + size + 1]) / 4;
        }
      }
    }
    return out;
  }

  private static double seconds(long started) {
    return (System.nanoTime() - started) / 1e9;
  }

  /** Where a run keeps its optimiser moments between checkpoints. */
  static final String CHECKPOINTS = "checkpoint";

  /**
   * Steps reached, kept in {@code training-state.json} beside the weights, and the optimiser's
   * moments of an unfinished stage under {@code checkpoint/}.
   */
  static final class State {
    int vaeStep;
    int transformerStep;
    Path dir;

    static State read(Path dir) throws IOException {
      State s = new State();
      s.dir = dir;
      Path file = dir.resolve("training-state.json");
      if (Files.isRegularFile(file)) {
        var node = JSON.readTree(file.toFile());
        s.vaeStep = node.path("vae_step").asInt();
        s.transformerStep = node.path("transformer_step").asInt();
      }
      return s;
    }

    /**
     * The optimiser of a stage that has taken {@code stepsBefore} steps: with the moments saved at that
     * step when the checkpoint holds them, else (a continued run) with a ramped-up learning rate.
     */
    ResumableAdam optimizer(String stage, AdamSchedule schedule, int stepsBefore, Block block,
        PrintWriter log) throws IOException {
      ResumableAdam adam = new ResumableAdam(schedule.learningRate(), stepsBefore, schedule.clipGrad());
      if (stepsBefore > 0) {
        Path saved = moments(stage, stepsBefore);
        if (Files.isRegularFile(saved)) {
          adam.restore(block, saved);
          log.printf("[%s] continuing from step %d with the optimiser's saved moments%n", stage, stepsBefore);
        } else {
          log.printf("[%s] continuing from step %d without saved optimiser moments: the learning rate ramps up over"
              + " %d steps%n", stage, stepsBefore, ResumableAdam.RAMP);
        }
      }
      return adam;
    }

    /**
     * Records a stage's checkpoint: the optimiser's moments at this step, then the step reached; a
     * finished stage keeps no moments (the directory is then a plain model directory).
     */
    void checkpoint(String stage, int step, ResumableAdam adam, Block block, boolean finished) throws IOException {
      if (!finished) {
        adam.save(block, moments(stage, step));
      }
      write();
      Path checkpoints = dir.resolve(CHECKPOINTS);
      if (Files.isDirectory(checkpoints)) {
        try (var files = Files.list(checkpoints)) {
          for (Path f : (Iterable<Path>) files::iterator) {
            String name = f.getFileName().toString();
            if (name.startsWith(stage + "-adam-") && (finished || !f.equals(moments(stage, step)))) {
              Files.delete(f);
            }
          }
        }
        try (var left = Files.list(checkpoints)) {
          if (left.findAny().isEmpty()) {
            Files.delete(checkpoints);
          }
        }
      }
    }

    private Path moments(String stage, int step) {
      return dir.resolve(CHECKPOINTS).resolve(stage + "-adam-" + step + ".safetensors");
    }

    void write() throws IOException {
      ObjectNode node = JSON.createObjectNode();
      node.put("vae_step", vaeStep);
      node.put("transformer_step", transformerStep);
      Files.createDirectories(dir);
      Path temp = dir.resolve(".training-state.json.tmp");
      JSON.writeValue(temp.toFile(), node);
      Files.move(temp, dir.resolve("training-state.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** Stage 1: the VAE. */
  private final class VaeStage {
    private final GeneratorModel model;
    private final Clips train;
    private final Clips validation;
    private final State state;

    VaeStage(GeneratorModel model, Clips train, Clips validation, State state) {
      this.model = model;
      this.train = train;
      this.validation = validation;
      this.state = state;
    }

    double run() throws IOException {
      int total = options.vaeSteps();
      if (state.vaeStep >= total) {
        log.printf("[vae] already trained (%d steps)%n", state.vaeStep);
        return psnr();
      }
      ResumableAdam adam = state.optimizer("vae", new AdamSchedule(options.vaeLearningRate(), total),
          state.vaeStep, model.vae(), log);
      StepClock clock = new StepClock(state.vaeStep, total);
      double lossSum = 0;
      int lossCount = 0;
      double psnr = Double.NaN;
      int b = options.vaeBatch();
      int per = 3 * CROP_FRAMES * CROP_SIZE * CROP_SIZE;
      // A fresh run draws its crops from the seed; a continued one from the seed and the step reached,
      // so it does not replay the crops (and sampling noise) of the steps it has already taken.
      SplittableRandom crops = random;
      if (state.vaeStep > 0) {
        crops = new SplittableRandom(options.seed() * 1_000_033L + state.vaeStep);
        Engine.getInstance().setRandomSeed((int) (options.seed() * 13 + state.vaeStep));
      }
      try (Trainer trainer = model.vaeModel().newTrainer(adam.trainingConfig())) {
        for (int step = state.vaeStep + 1; step <= total; step++) {
          float[] batch = new float[b * per];
          for (int i = 0; i < b; i++) {
            byte[] clip = train.videos().get(crops.nextInt(train.videos().size()));
            int t0 = crops.nextInt(WORLD.frames() - CROP_FRAMES + 1);
            int y0 = crops.nextInt(WORLD.size() - CROP_SIZE + 1);
            int x0 = crops.nextInt(WORLD.size() - CROP_SIZE + 1);
            System.arraycopy(pixels(clip, WORLD.frames(), WORLD.size(), t0, CROP_FRAMES, y0, x0, CROP_SIZE), 0, batch,
                i * per, per);
          }
          try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray video = m.create(batch, new Shape(b, 3, CROP_FRAMES, CROP_SIZE, CROP_SIZE));
            NDArray weight = m.create(foregroundWeight(batch, b, CROP_FRAMES, CROP_SIZE),
                new Shape(b, 1, CROP_FRAMES, CROP_SIZE, CROP_SIZE));
            try (GradientCollector gc = trainer.newGradientCollector()) {
              NDList outputs = trainer.forward(new NDList(video));
              NDArray loss = VaeLoss.of(outputs.get(0), video, weight, outputs.get(1), outputs.get(2), 0.5f, 1e-6f);
              if (options.vaeOutlineWeight() > 0) {
                loss = loss.add(NeighbourLoss.pixelOutline(outputs.get(0).sub(video), weight)
                    .mul(options.vaeOutlineWeight()));
              }
              lossSum += loss.getFloat();
              lossCount++;
              gc.backward(loss);
            }
            trainer.step();
          }
          state.vaeStep = step;
          boolean eval = step % options.evalEvery() == 0 || step == total;
          if (eval || step % 25 == 0) {
            String line = String.format(Locale.ROOT, "[vae] step %d/%d  loss %.4f  lr %.2e  %s", step, total,
                lossSum / lossCount, adam.rate(step), clock.line(step));
            if (eval) {
              psnr = psnr();
              line += String.format(Locale.ROOT, "  val PSNR %.2f dB", psnr);
            }
            log.println(line);
            log.flush();
            lossSum = 0;
            lossCount = 0;
          }
          if (step % options.checkpointEvery() == 0 || step == total) {
            model.saveVae(options.output());
            state.checkpoint("vae", step, adam, model.vae(), step == total);
          }
          if (eval || step % 25 == 0 || step % options.checkpointEvery() == 0) {
            clock.restart(step);
          }
        }
      }
      float scaling = measureScaling();
      model.setScalingFactor(scaling);
      model.saveConfigs(options.output());
      log.printf(Locale.ROOT, "[vae] latent scaling factor %.4f (1/std of the training latents)%n", scaling);
      return psnr;
    }

    /** PSNR of whole held-out clips through the VAE (latent mean), in dB over 8-bit pixels. */
    double psnr() {
      return vaePsnr(model, validation.videos().subList(0, Math.min(16, validation.videos().size())));
    }

    float measureScaling() {
      int n = Math.min(train.videos().size(), 64);
      double sum = 0;
      double sumSq = 0;
      long count = 0;
      for (float[] latent : encode(model, train.videos().subList(0, n), false)) {
        for (float v : latent) {
          sum += v;
          sumSq += (double) v * v;
          count++;
        }
      }
      double mean = sum / count;
      double std = Math.sqrt(Math.max(1e-12, sumSq / count - mean * mean));
      return (float) (1 / std);
    }
  }

  /** PSNR (dB, 8-bit) of clips encoded to the latent mean and decoded. */
  public static double vaePsnr(GeneratorModel model, List<byte[]> clips) {
    double[] se = {0};
    long[] count = {0};
    roundTrips(model, clips, (px, recon) -> {
      for (int i = 0; i < px.length; i++) {
        double d = (recon[i] - px[i]) * 127.5;
        se[0] += d * d;
      }
      count[0] += px.length;
    });
    double mse = se[0] / count[0];
    return 10 * Math.log10(255.0 * 255.0 / Math.max(mse, 1e-10));
  }

  /**
   * Each clip through the VAE and back (encoder mean, then decoder), in the clips' own layout
   * {@code [3, T, H, W]} of bytes: what the generator's decoder can show at best.
   */
  public static List<byte[]> reconstructions(GeneratorModel model, List<byte[]> clips) {
    List<byte[]> out = new ArrayList<>();
    roundTrips(model, clips, (px, recon) -> {
      byte[] b = new byte[recon.length];
      for (int i = 0; i < recon.length; i++) {
        b[i] = (byte) Math.max(0, Math.min(255, Math.round((recon[i] + 1f) * 127.5f)));
      }
      out.add(b);
    });
    return out;
  }

  private static void roundTrips(GeneratorModel model, List<byte[]> clips,
      BiConsumer<float[], float[]> each) {
    int frames = model.spec().frames();
    int size = model.spec().height();
    try (NDManager m = model.vaeModel().getNDManager().newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      for (byte[] clip : clips) {
        try (NDManager step = m.newSubManager()) {
          float[] px = pixels(clip, frames, size, 0, frames, 0, 0, size);
          NDArray video = step.create(px, new Shape(1, 3, frames, size, size));
          NDArray recon = model.vae().decode(ps, model.vae().encode(ps, video, false).get(0), false).clip(-1f, 1f);
          each.accept(px, recon.toFloatArray());
        }
      }
    }
  }

  /**
   * Latent means of whole clips as the transformer sees them: {@code [F, C, H, W]} each, multiplied by
   * the model's scaling factor.
   */
  public static List<float[]> scaledLatents(GeneratorModel model, List<byte[]> clips) {
    return scaled(encode(model, clips, false), model.scalingFactor());
  }

  /** Multiplies every latent by {@code factor}, in place; returns them. */
  private static List<float[]> scaled(List<float[]> latents, float factor) {
    for (float[] l : latents) {
      for (int i = 0; i < l.length; i++) {
        l[i] *= factor;
      }
    }
    return latents;
  }

  /**
   * The latent cells of a whole clip ({@code [3, T, S, S]} bytes) that hold an object, {@code [F, H, W]}
   * with 1 there and 0 elsewhere: what the transformer's loss weights up ({@link ObjectCells}).
   */
  public static float[] objectCells(GeneratorModel model, byte[] clip) {
    int frames = model.spec().frames();
    int size = model.spec().height();
    VaeConfig v = model.vae().config();
    return ObjectCells.mask(pixels(clip, frames, size, 0, frames, 0, 0, size), frames, size,
        v.temporalCompressionRatio(), v.spatialCompression());
  }

  /**
   * Latent means of clips, each {@code [F, C, H, W]} (the transformer's layout), unscaled;
   * {@code half} encodes them at half resolution.
   */
  static List<float[]> encode(GeneratorModel model, List<byte[]> clips, boolean half) {
    int frames = model.spec().frames();
    int size = model.spec().height();
    int s = half ? size / 2 : size;
    List<float[]> out = new ArrayList<>();
    try (NDManager m = model.vaeModel().getNDManager().newSubManager()) {
      ParameterStore ps = new ParameterStore(m, false);
      for (int from = 0; from < clips.size(); from += 8) {
        List<byte[]> chunk = clips.subList(from, Math.min(clips.size(), from + 8));
        int per = 3 * frames * s * s;
        float[] batch = new float[chunk.size() * per];
        for (int i = 0; i < chunk.size(); i++) {
          float[] px = pixels(chunk.get(i), frames, size, 0, frames, 0, 0, size);
          System.arraycopy(half ? halve(px, frames, size) : px, 0, batch, i * per, per);
        }
        try (NDManager step = m.newSubManager()) {
          NDArray mean = model.vae().encode(ps, step.create(batch, new Shape(chunk.size(), 3, frames, s, s)), false).get(0);
          NDArray perFrame = mean.transpose(0, 2, 1, 3, 4);   // [B, F, C, H, W]
          long one = perFrame.getShape().size() / chunk.size();
          float[] flat = perFrame.toFloatArray();
          for (int i = 0; i < chunk.size(); i++) {
            float[] latent = new float[(int) one];
            System.arraycopy(flat, (int) (i * one), latent, 0, (int) one);
            out.add(latent);
          }
        }
      }
    }
    return out;
  }

  /** Stage 2: the transformer. */
  private final class TransformerStage {
    private final GeneratorModel model;
    private final MiniLmTextEncoder text;
    private final Clips train;
    private final Clips validation;
    private final State state;
    private final NoiseSchedule schedule;

    TransformerStage(GeneratorModel model, MiniLmTextEncoder text, Clips train, Clips validation, State state) {
      this.model = model;
      this.text = text;
      this.train = train;
      this.validation = validation;
      this.state = state;
      this.schedule = model.scheduler().schedule();
    }

    /**
     * Latents (scaled), text states and object masks ({@code [F, H, W]}, see {@link ObjectCells}) of
     * a set of clips, at one resolution.
     */
    private record Encoded(List<float[]> latents, float[] text, List<float[]> objects, Shape latentShape) {}

    private Encoded encodeSet(Clips clips, boolean half) {
      long started = System.nanoTime();
      List<float[]> latents = scaled(encode(model, clips.videos(), half), model.scalingFactor());
      float[] states = new float[clips.prompts().size() * TEXT_LENGTH * MiniLmTextEncoder.WIDTH];
      int per = TEXT_LENGTH * MiniLmTextEncoder.WIDTH;
      for (int from = 0; from < clips.prompts().size(); from += 32) {
        List<String> chunk = clips.prompts().subList(from, Math.min(clips.prompts().size(), from + 32));
        System.arraycopy(text.encode(chunk), 0, states, from * per, chunk.size() * per);
      }
      VaeConfig v = model.vae().config();
      int size = model.spec().height() / v.spatialCompression() / (half ? 2 : 1);
      Shape shape = new Shape(v.latentFrames(model.spec().frames()), v.latentChannels(), size, size);
      int frames = model.spec().frames();
      int pixelsSide = model.spec().height();
      List<float[]> objects = new ArrayList<>(clips.videos().size());
      double marked = 0;
      for (byte[] clip : clips.videos()) {
        float[] px = pixels(clip, frames, pixelsSide, 0, frames, 0, 0, pixelsSide);
        int side = half ? pixelsSide / 2 : pixelsSide;
        float[] mask = ObjectCells.mask(half ? halve(px, frames, pixelsSide) : px, frames, side,
            v.temporalCompressionRatio(), v.spatialCompression());
        for (float f : mask) {
          marked += f;
        }
        objects.add(mask);
      }
      log.printf(Locale.ROOT, "[transformer] encoded %d clips at %s latents in %.0f s (%.1f%% of latent cells hold an"
          + " object)%n", clips.videos().size(), shape, seconds(started),
          100 * marked / Math.max(1, (long) objects.size() * objects.get(0).length));
      return new Encoded(latents, states, objects, shape);
    }

    double run() throws IOException {
      int total = options.steps();
      if (state.transformerStep >= total) {
        log.printf("[transformer] already trained (%d steps)%n", state.transformerStep);
        return Double.NaN;
      }
      int lowSteps = (int) Math.round(total * options.lowResolutionShare());
      Encoded low = lowSteps > state.transformerStep ? encodeSet(train, true) : null;
      Encoded full = encodeSet(train, false);
      Encoded heldOut = encodeSet(validation, false);
      float[] empty = text.encode(List.of(""));
      // Its own random streams, from the seed and the step reached: a transformer-only run on a trained
      // VAE gives the same weights as the whole recipe run at once.
      SplittableRandom draws = new SplittableRandom(options.seed() * 1_000_003L + state.transformerStep);
      Engine.getInstance().setRandomSeed((int) (options.seed() * 7 + state.transformerStep));
      TimestepSampler timesteps = new TimestepSampler(options.seed() * 31 + state.transformerStep, true);
      ResumableAdam adam = state.optimizer("transformer", new AdamSchedule(options.learningRate(), total),
          state.transformerStep, model.transformer(), log);
      StepClock clock = new StepClock(state.transformerStep, total);
      double lossSum = 0;
      int lossCount = 0;
      double validationLoss = Double.NaN;
      int first = state.transformerStep;
      try (Trainer trainer = model.transformerModel().newTrainer(adam.trainingConfig())) {
        for (int step = first + 1; step <= total; step++) {
          Encoded set = step <= lowSteps ? low : full;
          if (step == lowSteps + 1 && lowSteps > 0 && step > first + 1) {
            log.printf("[transformer] step %d: full resolution from here%n", step);
          }
          int b = options.batch();
          int[] pick = new int[b];
          for (int i = 0; i < b; i++) {
            pick[i] = draws.nextInt(set.latents().size());
          }
          boolean[] dropText = new boolean[b];
          for (int i = 0; i < b; i++) {
            dropText[i] = draws.nextDouble() < options.textDropout();
          }
          float loss = step(trainer, set, pick, dropText, empty, timesteps.sample(b), true);
          lossSum += loss;
          lossCount++;
          state.transformerStep = step;
          boolean eval = step % options.evalEvery() == 0 || step == total;
          if (eval || step % 25 == 0) {
            String line = String.format(Locale.ROOT, "[transformer] step %d/%d  %s  loss %.4f  lr %.2e  %s", step,
                total, step <= lowSteps ? "half-res" : "full-res", lossSum / lossCount, adam.rate(step),
                clock.line(step));
            if (eval) {
              validationLoss = validate(trainer, heldOut, empty);
              line += String.format(Locale.ROOT, "  val loss %.4f", validationLoss);
            }
            log.println(line);
            log.flush();
            lossSum = 0;
            lossCount = 0;
          }
          if (step % options.checkpointEvery() == 0 || step == total) {
            model.saveTransformer(options.output());
            state.checkpoint("transformer", step, adam, model.transformer(), step == total);
          }
          if (eval || step % 25 == 0 || step % options.checkpointEvery() == 0) {
            clock.restart(step);
          }
        }
      }
      return validationLoss;
    }

    /** One denoising step on a batch; trains when {@code training}, and returns the loss. */
    private float step(Trainer trainer, Encoded set, int[] pick, boolean[] dropText, float[] empty, int[] t,
        boolean training) {
      int b = pick.length;
      long perLatent = set.latentShape().size();
      int perText = TEXT_LENGTH * MiniLmTextEncoder.WIDTH;
      float[] x0 = new float[(int) (b * perLatent)];
      float[] states = new float[b * perText];
      float[] a = new float[b];
      float[] sigma = new float[b];
      float[] steps = new float[b];
      for (int i = 0; i < b; i++) {
        System.arraycopy(set.latents().get(pick[i]), 0, x0, (int) (i * perLatent), (int) perLatent);
        if (dropText[i]) {
          System.arraycopy(empty, 0, states, i * perText, perText);
        } else {
          System.arraycopy(set.text(), pick[i] * perText, states, i * perText, perText);
        }
        a[i] = (float) schedule.signal(t[i]);
        sigma[i] = (float) schedule.noise(t[i]);
        steps[i] = t[i];
      }
      try (NDManager m = trainer.getManager().newSubManager()) {
        Shape shape = new Shape(b).addAll(set.latentShape());
        NDArray clean = m.create(x0, shape);
        NDArray eps = m.randomNormal(shape);
        NDArray av = m.create(a);
        NDArray sv = m.create(sigma);
        NDArray noisy = dev.reelscribe.generator.diffusion.VPrediction.noisy(clean, eps, av, sv);
        NDArray target = model.scheduler().parameterization().target(clean, eps, av, sv);
        NDList input = new NDList(noisy, m.create(states, new Shape(b, TEXT_LENGTH, MiniLmTextEncoder.WIDTH)),
            m.create(steps));
        if (!training) {
          return trainer.evaluate(input).head().sub(target).square().mean().getFloat();
        }
        Shape latent = set.latentShape();
        int perMask = set.objects().get(0).length;
        float[] weights = new float[b * perMask];
        double weightSum = 0;
        for (int i = 0; i < b; i++) {
          float[] mask = set.objects().get(pick[i]);
          for (int k = 0; k < perMask; k++) {
            weights[i * perMask + k] = 1 + (options.objectWeight() - 1) * mask[k];
            weightSum += weights[i * perMask + k];
          }
        }
        NDArray w = m.create(weights, new Shape(b, latent.get(0), 1, latent.get(2), latent.get(3)));
        float normaliser = (float) (weightSum / weights.length);
        float value;
        try (GradientCollector gc = trainer.newGradientCollector()) {
          NDArray error = trainer.forward(input).head().sub(target);
          NDArray loss = error.square().mul(w).mean().div(normaliser);
          if (options.motionWeight() > 0 && latent.get(0) > 1) {
            loss = loss.add(NeighbourLoss.motion(error, w).mul(options.motionWeight()));
          }
          if (options.outlineWeight() > 0) {
            loss = loss.add(NeighbourLoss.outline(error, w).mul(options.outlineWeight()));
          }
          value = loss.getFloat();
          gc.backward(loss);
        }
        trainer.step();
        return value;
      }
    }

    /** The loss on held-out clips at t = 100, 300, 500, 700, 900 (the points of the paper's Table 9), fixed noise seed. */
    private double validate(Trainer trainer, Encoded heldOut, float[] empty) {
      Engine.getInstance().setRandomSeed(12345);
      double sum = 0;
      int n = 0;
      int count = Math.min(16, heldOut.latents().size());
      int[] pick = new int[count];
      for (int i = 0; i < count; i++) {
        pick[i] = i;
      }
      for (int t : new int[] {100, 300, 500, 700, 900}) {
        int[] ts = new int[count];
        java.util.Arrays.fill(ts, t);
        sum += step(trainer, heldOut, pick, new boolean[count], empty, ts, false);
        n++;
      }
      Engine.getInstance().setRandomSeed((int) (options.seed() * 7 + state.transformerStep));
      return sum / n;
    }
  }
}
