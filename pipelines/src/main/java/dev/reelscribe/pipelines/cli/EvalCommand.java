package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.captioner.eval.FrameCaptionerEval;
import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.CaptionFusers;
import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.fuser.eval.FuserEval;
import dev.reelscribe.fuser.eval.MotionEvidence;
import dev.reelscribe.synthworld.script.MotionKind;
import java.util.Map;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe eval}: grades models on held-out synthworld data. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Grades a model on held-out synthworld clips with TruthScorer.",
    subcommands = {EvalCommand.FrameCaptioner.class, EvalCommand.Fuser.class, EvalCommand.MotionEvidenceCommand.class,
        EvalCommand.Generator.class})
public final class EvalCommand implements Runnable {
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
          "Renders --count synthworld clips from --seed to H.264, decodes them, samples --frames-per-clip",
          "frames (JPEG, as extract does), captions them and grades every caption against the script",
          "with TruthScorer: precision, recall and F1 per attribute (object, colour, size, position,",
          "background, text, ...) and the hallucination rate. The built-in model trained on seeds 1",
          "(training) and 2 (validation); any other seed is held out."},
      footer = {"", "Examples:", "  reelscribe eval frame-captioner --seed 1000 --count 100",
          "  reelscribe eval frame-captioner --model out/models/frame-captioner --json",
          "  reelscribe eval frame-captioner --vlm-endpoint http://127.0.0.1:8000/v1 --vlm-model llava"})
  static final class FrameCaptioner implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Held-out world seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1000;

    @Option(names = "--count", paramLabel = "N", description = "Clips. Default: ${DEFAULT-VALUE}.")
    int count = 100;

    @Option(names = "--frames-per-clip", paramLabel = "K", description = "Frames sampled per clip. Default: ${DEFAULT-VALUE}.")
    int framesPerClip = 4;

    @CommandLine.Mixin CaptionerOptions captioner = new CaptionerOptions();

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the rendered clips go. Default: ${DEFAULT-VALUE}.")
    Path workDir = Path.of("reelscribe-out/eval-frame-captioner");

    @Option(names = "--json", description = "Also print the figures as one line of JSON, last.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String problem = captioner.validate();
      if (problem != null) {
        spec.commandLine().getErr().println("reelscribe eval frame-captioner: " + problem);
        return 2;
      }
      try (dev.reelscribe.captioner.FrameCaptioner c = FrameCaptioners.open(captioner.spec())) {
        String name = c.model().getBackend() + ":" + c.model().getModelId() + "@" + c.model().getVersion();
        FrameCaptionerEval.Report r = FrameCaptionerEval.run(c, seed, count, framesPerClip,
            workDir.resolve("seed-" + seed), System.err);
        out.printf(Locale.ROOT, "frame captioner %s on %d held-out clips of seed %d (%d frames, %d failed), "
            + "%.1f frames/s%n", name, r.clips(), r.seed(), r.frames(), r.failed(), r.framesPerSecond());
        out.print(r.score().table());
        out.println("examples:");
        r.examples().forEach(e -> out.println("  " + e.replace("\n", "\n  ")));
        if (json) {
          out.println(FrameCaptionerEval.json(r, name));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "fuser",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "Renders --count synthworld clips from --seed to H.264, samples --frames-per-clip frames,",
          "captions them with the frame captioner (the built-in one unless told otherwise), fuses each",
          "clip's timestamped captions with the fuser and grades the description against the script",
          "with TruthScorer: P/R/F1 for motion, object, colour, position, camera, ... and the",
          "hallucination rate, next to the best single frame caption of each clip (what fusion adds),",
          "and the fusion time per clip. The fuser is the built-in one unless --fuser-model or",
          "--llm-endpoint says otherwise."},
      footer = {"", "Examples:",
          "  reelscribe eval fuser --seed 1000 --count 100",
          "  reelscribe eval fuser --llm-endpoint http://127.0.0.1:8001/v1 --llm-model glm-4 --count 50",
          "  reelscribe eval fuser --llm-endpoint ... --llm-model ... --fuser-prompt my-fuse.txt --json"})
  static final class Fuser implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Held-out world seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1000;

    @Option(names = "--count", paramLabel = "N", description = "Clips. Default: ${DEFAULT-VALUE}.")
    int count = 50;

    @Option(names = "--frames-per-clip", paramLabel = "K", description = "Frames sampled per clip. Default: ${DEFAULT-VALUE}.")
    int framesPerClip = 8;

    @CommandLine.Mixin CaptionerOptions captioner = new CaptionerOptions();

    @CommandLine.Mixin FuserOptions fuser = new FuserOptions();

    @Option(names = "--work-dir", paramLabel = "DIR", description = "Where the rendered clips go. Default: ${DEFAULT-VALUE}.")
    Path workDir = Path.of("reelscribe-out/eval-fuser");

    @Option(names = "--json", description = "Also print the figures as one line of JSON, last.")
    boolean json;

    @Option(names = "--truth-captions", description = {
        "Feed the fuser synthworld's own caption of each sampled frame instead of the frame captioner's:",
        "what the fuser makes of a perfect captioner (no video is rendered, no frame captioned)."})
    boolean truthCaptions;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String problem = captioner.validate();
      if (problem == null) {
        problem = fuser.enabled() ? fuser.validate() : "--no-fuse leaves nothing to evaluate";
      }
      if (problem != null) {
        spec.commandLine().getErr().println("reelscribe eval fuser: " + problem);
        return 2;
      }
      FuserSpec fuserSpec = fuser.spec();
      try (dev.reelscribe.captioner.FrameCaptioner c = FrameCaptioners.open(captioner.spec());
          CaptionFuser f = CaptionFusers.open(fuserSpec)) {
        String name = f.model().getBackend() + ":" + f.model().getModelId() + "@" + f.model().getVersion();
        FuserEval.Report r = truthCaptions
            ? FuserEval.runOnTruthCaptions(f, fuserSpec.gate(), seed, count, framesPerClip, System.err)
            : FuserEval.run(f, c, fuserSpec.gate(), seed, count, framesPerClip, workDir.resolve("seed-" + seed),
                System.err);
        out.printf(Locale.ROOT, "fuser %s, prompt %s, on %d held-out clips of seed %d (%d frames each, %s): "
                + "%d failed, %d rejected by the output checks, %.0f ms per clip%n",
            name, f.prompt().version(), r.clips(), r.seed(), r.framesPerClip(),
            truthCaptions ? "synthworld's own frame captions" : "captioned by " + c.model().getModelId(),
            r.failed(), r.rejected(), r.millisPerClip());
        out.println("fused description:");
        out.print(r.fused().table());
        out.println("best single frame caption of each clip:");
        out.print(r.bestFrame().table());
        out.println("examples:");
        r.examples().forEach(e -> out.println("  " + e.replace("\n", "\n  ")));
        if (json) {
          out.println(FuserEval.json(r, name));
        }
      }
      return 0;
    }
  }

  @Command(
      name = "motion-evidence",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "How much of each object's motion its frame captions can tell at all, no model involved. A frame",
          "caption gives an object's 3x3 cell and apparent size; across the sampled frames, the cell and size",
          "changes are all a fuser has to infer motion from. This fits, on --fit-count clips of --fit-seed,",
          "the motion most often behind each sequence of changes, and reads that table on --count held-out",
          "clips of --seed: the held-out accuracy is what the best fuser could reach from perfect frame",
          "captions (a lower bound of it; the in-sample accuracy is an upper bound). A fuser that names each",
          "object once, with one motion, has a motion F1 equal to its accuracy."},
      footer = {"", "Example:", "  reelscribe eval motion-evidence --seed 1000 --count 3000 --fit-count 20000"})
  static final class MotionEvidenceCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Held-out world seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1000;

    @Option(names = "--count", paramLabel = "N", description = "Held-out clips. Default: ${DEFAULT-VALUE}.")
    int count = 3000;

    @Option(names = "--fit-seed", paramLabel = "S", description = "Seed of the clips the table is fitted on. Default: ${DEFAULT-VALUE}.")
    long fitSeed = 7;

    @Option(names = "--fit-count", paramLabel = "N", description = "Clips the table is fitted on. Default: ${DEFAULT-VALUE}.")
    int fitCount = 20000;

    @Option(names = "--frames-per-clip", paramLabel = "K", description = "Frames sampled per clip. Default: ${DEFAULT-VALUE}.")
    int framesPerClip = 8;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      MotionEvidence.Report r = MotionEvidence.measure(fitSeed, fitCount, seed, count, framesPerClip);
      out.printf(Locale.ROOT, "motion from %d frame captions per clip (3x3 cells and sizes): %d evidence sequences "
              + "from %d objects of %d clips of seed %d%n", framesPerClip, r.sequences(), r.fitObjects(), fitCount,
          fitSeed);
      out.printf(Locale.ROOT, "best accuracy: held out %.3f (%d objects of %d clips of seed %d), in sample %.3f%n",
          r.heldOut(), r.heldObjects(), count, seed, r.inSample());
      out.println("held out, per true motion:");
      for (Map.Entry<MotionKind, double[]> e : r.perKind().entrySet()) {
        out.printf(Locale.ROOT, "  %-18s %.3f  (%d objects)%n", e.getKey().token(), e.getValue()[0] / e.getValue()[1],
            (int) e.getValue()[1]);
      }
      return 0;
    }
  }

  @Command(
      name = "generator",
      mixinStandardHelpOptions = true,
      versionProvider = Version.class,
      description = {
          "Grades a text-to-video generator on --count held-out single-object synthworld clips of --seed:",
          "each clip's dense description is generated, three frames of the result are captioned by the",
          "frame captioner (the built-in one unless --frame-captioner-model/--vlm-* say otherwise) and",
          "graded by TruthScorer (colour and shape right), and the motion direction is measured from the",
          "pixels. The same grades against another clip's script are the shuffled-prompt baseline; the",
          "grades of the rendered clips themselves are the grader's ceiling. Also the VAE's PSNR on the",
          "rendered clips, the grades of the rendered clips after a round trip through the VAE (what its",
          "decoder can show at best), seconds per clip and parameter counts. Writes generated/<id>.mp4 next",
          "to truth/<id>.mp4 and vae-round-trip/<id>.mp4, results.jsonl, and sheet.png (the first 16 clips'",
          "truth, round trip and generated frames side by side) under --output; with --json",
          "the figures as JSON, last. --vae-only grades the VAE alone (no transformer needed): judge a VAE",
          "before training a transformer on it."},
      footer = {"", "Examples:", "  reelscribe eval generator --seed 1000 --count 50",
          "  reelscribe eval generator --generator-model out/models/generator --guidance 6 --json",
          "  reelscribe eval generator --generator-model out/models/vae-run --vae-only"})
  static final class Generator implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--seed", paramLabel = "S", description = "Held-out world seed. Default: ${DEFAULT-VALUE}.")
    long seed = 1000;

    @Option(names = "--count", paramLabel = "N", description = "Held-out clips. Default: ${DEFAULT-VALUE}.")
    int count = 50;

    @Option(names = "--generator-model", paramLabel = "DIR",
        description = "A generator model directory. Default: the built-in generator.")
    Path model;

    @Option(names = "--steps", paramLabel = "N", description = "DDIM steps. Default: ${DEFAULT-VALUE}.")
    int steps = 20;

    @Option(names = "--guidance", paramLabel = "W", description = "Classifier-free guidance scale. Default: ${DEFAULT-VALUE}.")
    double guidance = dev.reelscribe.generator.diffusion.Guidance.DEFAULT_SCALE;

    @Option(names = "--generate-batch", paramLabel = "B", description = "Clips generated together. Default: ${DEFAULT-VALUE}.")
    int batch = 10;

    @CommandLine.Mixin CaptionerOptions captioner = new CaptionerOptions();

    @Option(names = "--output", paramLabel = "DIR", description = "Where clips and results go. Default: ${DEFAULT-VALUE}.")
    Path output = Path.of("reelscribe-out/eval-generator");

    @Option(names = "--json", description = "Also print the figures as one line of JSON, last.")
    boolean json;

    @Option(names = "--vae-only",
        description = "Grade only the rendered clips and their VAE round trip; the model directory needs no transformer.")
    boolean vaeOnly;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      String problem = captioner.validate();
      if (problem == null && count < 2) {
        problem = "--count must be at least 2 (the baseline pairs each clip with another)";
      }
      if (problem != null) {
        spec.commandLine().getErr().println("reelscribe eval generator: " + problem);
        return 2;
      }
      if (vaeOnly) {
        return vaeOnly(out);
      }
      try (dev.reelscribe.generator.sample.VideoGenerator g = model == null
              ? dev.reelscribe.generator.sample.VideoGenerator.builtin()
              : dev.reelscribe.generator.sample.VideoGenerator.open(model);
          dev.reelscribe.captioner.FrameCaptioner c = FrameCaptioners.open(captioner.spec())) {
        dev.reelscribe.generator.eval.GeneratorEval.Report r = new dev.reelscribe.generator.eval.GeneratorEval(
            new dev.reelscribe.generator.eval.GeneratorEval.Options(seed, count, steps,
                new dev.reelscribe.generator.diffusion.Guidance(guidance, false), batch, output.resolve("seed-" + seed)),
            spec.commandLine().getErr()).run(g, c);
        out.printf(Locale.ROOT, "generator on %d held-out clips of seed %d (%d DDIM steps, guidance %.1f), graded by %s:%n",
            count, seed, steps, guidance, c.model().getModelId());
        out.print(r.table());
        out.println("clips and per-clip results: " + output.resolve("seed-" + seed).toAbsolutePath());
        if (json) {
          out.println(r.json());
        }
      }
      return 0;
    }

    private int vaeOnly(PrintWriter out) throws Exception {
      Path dir = model == null ? dev.reelscribe.generator.BuiltinGenerator.unpack() : model;
      try (dev.reelscribe.generator.GeneratorModel m = dev.reelscribe.generator.GeneratorModel.load(dir);
          dev.reelscribe.captioner.FrameCaptioner c = FrameCaptioners.open(captioner.spec())) {
        if (!m.hasVaeWeights(dir)) {
          spec.commandLine().getErr().println("reelscribe eval generator: " + dir + " has no trained VAE");
          return 2;
        }
        dev.reelscribe.generator.eval.GeneratorEval.Report r = new dev.reelscribe.generator.eval.GeneratorEval(
            new dev.reelscribe.generator.eval.GeneratorEval.Options(seed, count, steps,
                new dev.reelscribe.generator.diffusion.Guidance(guidance, false), batch, output.resolve("seed-" + seed)),
            spec.commandLine().getErr()).runVaeOnly(m, c);
        out.printf(Locale.ROOT, "VAE of %s on %d held-out clips of seed %d, graded by %s:%n", dir, count, seed,
            c.model().getModelId());
        out.print(r.table());
        out.println("clips and per-clip results: " + output.resolve("seed-" + seed).toAbsolutePath());
        if (json) {
          out.println(r.json());
        }
      }
      return 0;
    }
  }
}
