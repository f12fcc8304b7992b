package dev.reelscribe.generator.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.frames.Result;
import dev.reelscribe.generator.GeneratorModel;
import dev.reelscribe.generator.data.ClipLoader;
import dev.reelscribe.generator.data.GeneratorWorld;
import dev.reelscribe.generator.diffusion.Guidance;
import dev.reelscribe.generator.nn.ParameterTree;
import dev.reelscribe.generator.sample.GeneratedClip;
import dev.reelscribe.generator.sample.VideoGenerator;
import dev.reelscribe.generator.train.GeneratorTrainer;
import dev.reelscribe.synthworld.render.Mp4Renderer;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code reelscribe eval generator}: renders {@code count} held-out single-object synthworld clips
 * of {@code seed}, generates a clip from each one's dense description, and grades every generated
 * clip with {@link ClipGrader} against its own script, against another clip's script (the
 * shuffled-prompt baseline: what matching by chance scores), and grades the rendered clips
 * themselves (what the grader gives real footage: its ceiling) and the rendered clips after a trip
 * through the VAE (what the decoder can show at best: the generator's own ceiling). Also the VAE's
 * reconstruction PSNR on the rendered clips, seconds per generated clip and the parameter counts. Writes {@code
 * generated/<id>.mp4} next to {@code truth/<id>.mp4} and {@code vae-round-trip/<id>.mp4}, one
 * JSON line a clip in {@code results.jsonl}, and {@code sheet.png}: the first {@value #SHEET_CLIPS}
 * clips' truth, round trip and generated frames side by side ({@link ContactSheet}).
 */
public final class GeneratorEval {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Clips shown in {@code sheet.png}. */
  static final int SHEET_CLIPS = 16;

  /**
   * @param batch clips generated together
   */
  public record Options(long seed, int count, int steps, Guidance guidance, int batch, Path output) {}

  /**
   * Shares of graded clips with the colour, shape and motion direction right, and the shape right by
   * the object's size class.
   */
  public record Rates(double colour, double shape, double motion, int clips, int motionClips, ShapeBySize shapeBySize) {
    String row(String label) {
      return String.format(Locale.ROOT, "%-26s %7.2f %7.2f %7.2f   (%d clips, %d graded for motion)", label, colour, shape,
          motion, clips, motionClips);
    }

    String shapeRow(String label) {
      return String.format(Locale.ROOT, "  %-24s %s%n", label, shapeBySize.cells());
    }

    ObjectNode json() {
      ObjectNode n = JSON.createObjectNode();
      n.put("colour", colour);
      n.put("shape", shape);
      n.put("motion", motion);
      n.put("clips", clips);
      n.put("motion_clips", motionClips);
      n.set("shape_by_size", shapeBySize.json());
      return n;
    }
  }

  /**
   * What an evaluation measured; {@code generated}, {@code shuffled}, {@code motionMisses} and
   * {@code words} are null (and the seconds NaN) when only the VAE was graded.
   */
  public record Report(Rates generated, Rates shuffled, Rates truth, Rates vaeRoundTrip, MotionMisses motionMisses,
      WordSensitivity words, double vaePsnr, double secondsPerClip, long vaeParameters, long transformerParameters) {
    public String table() {
      StringBuilder b = new StringBuilder();
      b.append(String.format(Locale.ROOT, "%-26s %7s %7s %7s%n", "", "colour", "shape", "motion"));
      if (generated != null) {
        b.append(generated.row("generated")).append('\n');
        b.append(shuffled.row("shuffled-prompt baseline")).append('\n');
      }
      b.append(truth.row("rendered truth (ceiling)")).append('\n');
      b.append(vaeRoundTrip.row("truth through the VAE")).append('\n');
      b.append("shape right by object size:\n");
      if (generated != null) {
        b.append(generated.shapeRow("generated"));
      }
      b.append(truth.shapeRow("rendered truth"));
      b.append(vaeRoundTrip.shapeRow("truth through the VAE"));
      if (generated != null) {
        b.append(motionMisses.line());
        b.append(words.line());
        b.append(String.format(Locale.ROOT, "VAE reconstruction PSNR %.2f dB; %.2f s per generated clip; "
            + "parameters: VAE %,d, transformer %,d%n", vaePsnr, secondsPerClip, vaeParameters, transformerParameters));
      } else {
        b.append(String.format(Locale.ROOT, "VAE reconstruction PSNR %.2f dB; VAE parameters %,d%n", vaePsnr,
            vaeParameters));
      }
      return b.toString();
    }

    public String json() {
      ObjectNode n = JSON.createObjectNode();
      if (generated != null) {
        n.set("generated", generated.json());
        n.set("shuffled", shuffled.json());
        n.set("generated_motion", motionMisses.json());
        n.set("prompt_words", words.json());
      }
      n.set("truth", truth.json());
      n.set("vae_round_trip", vaeRoundTrip.json());
      n.put("vae_psnr_db", vaePsnr);
      n.put("vae_parameters", vaeParameters);
      if (generated != null) {
        n.put("seconds_per_clip", secondsPerClip);
        n.put("transformer_parameters", transformerParameters);
      }
      return n.toString();
    }
  }

  private final Options options;
  private final PrintWriter log;

  public GeneratorEval(Options options, PrintWriter log) {
    this.options = options;
    this.log = log;
  }

  /** Generates a clip from each held-out prompt and grades it, beside the rendered clips and their VAE round trip. */
  public Report run(VideoGenerator generator, FrameCaptioner captioner) throws IOException {
    return evaluate(generator.model(), generator, captioner);
  }

  /**
   * Grades only the rendered held-out clips and their round trip through the model's VAE, which needs
   * no transformer: how much of colour, shape and motion a VAE keeps, before a transformer is trained on it.
   */
  public Report runVaeOnly(GeneratorModel model, FrameCaptioner captioner) throws IOException {
    return evaluate(model, null, captioner);
  }

  private Report evaluate(GeneratorModel model, VideoGenerator generator, FrameCaptioner captioner)
      throws IOException {
    var spec = model.spec();
    GeneratorWorld world = new GeneratorWorld(spec.height(), spec.frames());
    List<SceneScript> scripts = world.scripts(options.seed(), options.count());
    Path out = options.output();
    Files.createDirectories(out.resolve("truth"));
    ClipGrader grader = new ClipGrader(captioner);
    int size = spec.height();
    int frames = spec.frames();

    List<byte[]> truthClips = new ArrayList<>();
    List<byte[]> truthRgb = new ArrayList<>();
    for (SceneScript s : scripts) {
      byte[] clip = render(s, out.resolve("truth").resolve(s.id() + ".mp4"), frames, size);
      truthClips.add(clip);
      truthRgb.add(channelsLast(clip, frames, size));
    }
    double psnr = GeneratorTrainer.vaePsnr(model, truthClips);
    List<byte[]> roundTrips = GeneratorTrainer.reconstructions(model, truthClips);

    List<GeneratedClip> generated = new ArrayList<>();
    long started = System.nanoTime();
    for (int from = 0; generator != null && from < scripts.size(); from += options.batch()) {
      List<String> prompts = new ArrayList<>();
      for (SceneScript s : scripts.subList(from, Math.min(scripts.size(), from + options.batch()))) {
        prompts.add(DescriptionWriter.canonical(s));
      }
      generated.addAll(generator.generate(prompts, options.seed() * 1000 + from, options.steps(), options.guidance()));
      log.printf("[eval generator] generated %d/%d clips%n", generated.size(), scripts.size());
      log.flush();
    }
    double seconds = (System.nanoTime() - started) / 1e9 / scripts.size();
    WordSensitivity words = generator == null ? null : WordSensitivity.measure(generator, truthClips, scripts);

    Tally gen = new Tally();
    Tally shuffled = new Tally();
    Tally truth = new Tally();
    Tally roundTrip = new Tally();
    MotionMisses misses = MotionMisses.NONE;
    List<String> lines = new ArrayList<>();
    List<List<byte[]>> sheet = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      SceneScript s = scripts.get(i);
      ObjectNode line = JSON.createObjectNode();
      line.put("id", s.id());
      SceneObject object = ClipGrader.object(s);
      line.put("size", object.size().word());
      if (generator != null) {
        GeneratedClip clip = generated.get(i);
        VideoGenerator.writeMp4(clip, out.resolve("generated").resolve(s.id() + ".mp4"), 1);
        ClipGrader.Grade own = grader.grade(s.id(), clip.rgb(), frames, size, s);
        ClipGrader.Grade other = grader.grade(s.id(), clip.rgb(), frames, size, scripts.get((i + 1) % scripts.size()));
        gen.add(own);
        misses = misses.add(own);
        shuffled.add(other);
        line.put("prompt", clip.prompt());
        line.put("colour", own.colour());
        line.put("shape", own.shape());
        if (own.motion() != null) {
          line.put("motion", own.motion());
        }
        line.put("moved", own.moved().dx() + "," + own.moved().dy());
        line.set("captions", JSON.valueToTree(own.captions()));
      } else {
        line.put("prompt", DescriptionWriter.canonical(s));
      }
      ClipGrader.Grade real = grader.grade(s.id(), truthRgb.get(i), frames, size, s);
      truth.add(real);
      byte[] decodedRgb = channelsLast(roundTrips.get(i), frames, size);
      if (sheet.size() < SHEET_CLIPS) {
        sheet.add(generator == null ? List.of(truthRgb.get(i), decodedRgb)
            : List.of(truthRgb.get(i), decodedRgb, generated.get(i).rgb()));
      }
      VideoGenerator.writeMp4(new GeneratedClip(decodedRgb, frames, size, size, spec.fps(), "", 0),
          out.resolve("vae-round-trip").resolve(s.id() + ".mp4"), 1);
      ClipGrader.Grade decoded = grader.grade(s.id(), decodedRgb, frames, size, s);
      roundTrip.add(decoded);
      line.put("truth_motion", object.motion().kind().token());
      line.put("truth_shape", real.shape());
      line.set("truth_captions", JSON.valueToTree(real.captions()));
      line.put("vae_round_trip_shape", decoded.shape());
      line.set("vae_round_trip_captions", JSON.valueToTree(decoded.captions()));
      lines.add(line.toString());
    }
    Files.write(out.resolve("results.jsonl"), lines, StandardCharsets.UTF_8);
    ContactSheet.write(out.resolve("sheet.png"), frames, size, sheet);
    if (generator == null) {
      return new Report(null, null, truth.rates(), roundTrip.rates(), null, null, psnr, Double.NaN, ParameterTree.count(model.vae()),
          ParameterTree.count(model.transformer()));
    }
    return new Report(gen.rates(), shuffled.rates(), truth.rates(), roundTrip.rates(), misses, words, psnr, seconds,
        ParameterTree.count(model.vae()), ParameterTree.count(model.transformer()));
  }

  /** Renders a script to {@code mp4} and decodes it back as the trainer reads clips: {@code [3, T, S, S]} bytes. */
  static byte[] render(SceneScript script, Path mp4, int frames, int size) throws IOException {
    Mp4Renderer.write(script, mp4);
    Result<byte[]> r = ClipLoader.load(mp4, frames, size);
    if (!(r instanceof Result.Ok<byte[]> ok)) {
      throw new IOException("cannot decode the rendered " + mp4 + ": " + ((Result.Failed<byte[]>) r).reason());
    }
    return ok.value();
  }

  static byte[] channelsLast(byte[] clip, int frames, int size) {
    byte[] out = new byte[clip.length];
    int pixels = size * size;
    for (int c = 0; c < 3; c++) {
      for (int t = 0; t < frames; t++) {
        for (int p = 0; p < pixels; p++) {
          out[(t * pixels + p) * 3 + c] = clip[(c * frames + t) * pixels + p];
        }
      }
    }
    return out;
  }

  private static final class Tally {
    int clips;
    int colour;
    int shape;
    int motionClips;
    int motion;
    ShapeBySize shapeBySize = ShapeBySize.NONE;

    void add(ClipGrader.Grade g) {
      clips++;
      shapeBySize = shapeBySize.add(g);
      colour += g.colour() ? 1 : 0;
      shape += g.shape() ? 1 : 0;
      if (g.motion() != null) {
        motionClips++;
        motion += g.motion() ? 1 : 0;
      }
    }

    Rates rates() {
      return new Rates(share(colour, clips), share(shape, clips), share(motion, motionClips), clips, motionClips,
          shapeBySize);
    }

    private static double share(int n, int of) {
      return of == 0 ? Double.NaN : (double) n / of;
    }
  }
}
