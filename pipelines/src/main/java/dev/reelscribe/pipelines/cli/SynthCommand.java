package dev.reelscribe.pipelines.cli;

import dev.reelscribe.synthworld.SynthDataset;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe synth}: renders synthworld clips with their scripts and truth. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Renders synthworld clips: seeded scene scripts (shapes, colours, motions, camera, cuts, text,",
        "static) drawn to H.264 mp4 with exact ground truth at three levels. Writes under --output:",
        "  videos/<id>.mp4   the clips",
        "  scripts.jsonl     one scene script per line",
        "  truth.jsonl       per clip: frame captions with timestamps, dense description, short prompt,",
        "                    and the structured facts (objects, colours, sizes, positions, motions, camera,",
        "                    counts, background, cut, static, text)",
        "  manifest.txt      the clip paths, an input for `reelscribe extract --input`",
        "The same --seed gives byte-identical scripts and truth and the same frames; clip i of a seed",
        "does not depend on --count or --first, so seeds and index ranges make disjoint held-out sets."},
    footer = {"", "Example:", "  reelscribe synth --count 1000 --seed 7 --output out/synth --frames 49"})
public final class SynthCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--count", paramLabel = "N", description = "Clips to render. Default: ${DEFAULT-VALUE}.")
  int count = 100;

  @Option(names = "--seed", paramLabel = "S", description = "World seed. Default: ${DEFAULT-VALUE}.")
  long seed = 0;

  @Option(names = "--first", paramLabel = "I", description = "Index of the first clip. Default: ${DEFAULT-VALUE}.")
  long first = 0;

  @Option(names = "--output", paramLabel = "DIR", description = "Output directory. Default: ${DEFAULT-VALUE}.")
  Path output = Path.of("reelscribe-out/synth");

  @Option(names = "--size", paramLabel = "WxH", description = "Frame size. Default: ${DEFAULT-VALUE}.")
  String size = "128x128";

  @Option(names = "--fps", paramLabel = "F", description = "Frames per second. Default: ${DEFAULT-VALUE}.")
  double fps = 8;

  @Option(names = "--frames", paramLabel = "N",
      description = "Frames per clip; CogVideoX uses 8N+1 counts (33, 49). Default: ${DEFAULT-VALUE}.")
  int frames = 33;

  @Option(names = "--plain", description = "Single-shot clips only: no cuts, text, static or camera moves.")
  boolean plain;

  @Option(names = "--threads", paramLabel = "T", description = "Render threads. Default: the number of cores.")
  int threads = Runtime.getRuntime().availableProcessors();

  WorldConfig config() {
    String[] wh = size.toLowerCase(Locale.ROOT).split("x");
    if (wh.length != 2) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--size must look like 128x128, got " + size);
    }
    try {
      WorldConfig c = WorldConfig.defaults().withSize(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]))
          .withFps(fps).withFrames(frames);
      return plain ? c.plain() : c;
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (count < 0 || first < 0) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--count and --first must be >= 0");
    }
    WorldConfig config = config();
    long t0 = System.nanoTime();
    SynthDataset.Written written = render(config, seed, first, count, threads, output, err);
    double seconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "synth: %d clips (%d frames, %dx%d @ %.0f fps) in %.1f s, %.1f clips/s -> %s%n",
        written.videos().size(), written.frames(), config.width(), config.height(), config.fps(), seconds,
        written.videos().size() / Math.max(seconds, 1e-9), output);
    return 0;
  }

  /** Renders with a progress line on {@code err} about every two seconds. */
  static SynthDataset.Written render(
      WorldConfig config, long seed, long first, int count, int threads, Path output, PrintWriter err)
      throws java.io.IOException {
    long t0 = System.nanoTime();
    long[] lastReport = {t0};
    return new SynthDataset(config, seed, threads).write(output, first, count, done -> {
      long now = System.nanoTime();
      synchronized (lastReport) {
        if (now - lastReport[0] > 2_000_000_000L || done == count) {
          lastReport[0] = now;
          err.printf(Locale.ROOT, "[synth %.0fs] rendered %d/%d clips%n", (now - t0) / 1e9, done, count);
        }
      }
    });
  }
}
