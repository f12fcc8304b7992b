package dev.reelscribe.pipelines.bench;

import dev.reelscribe.synthworld.SynthDataset;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.ClipTruth;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.opencv.core.Mat;

/**
 * Synthworld rendering speed at the training defaults (128×128, 8 fps, 33 frames), timed side by side
 * in one run with a baseline: the {@code ffmpeg} CLI encoding its built-in {@code testsrc2} pattern to
 * an H.264 mp4 of the same size and length, one process per clip (so the baseline includes process
 * start-up, as a shell loop over ffmpeg would). Rows: full synth (render + encode + truth) on 2 and 1
 * threads, drawing only, truth only.
 */
public final class SynthBenchmark {
  private final int clips;
  private final int baselineClips;
  private final PrintWriter out;

  public SynthBenchmark(int clips, int baselineClips, PrintWriter out) {
    this.clips = clips;
    this.baselineClips = baselineClips;
    this.out = out;
  }

  public void run() throws IOException, InterruptedException {
    WorldConfig config = WorldConfig.defaults();
    Path tmp = Files.createTempDirectory("reelscribe-bench-synth");
    try {
      int cores = Runtime.getRuntime().availableProcessors();
      new SynthDataset(config, 99, cores).write(tmp.resolve("warmup"), 0, Math.min(20, clips), d -> { });
      double full2 = timed(() -> new SynthDataset(config, 1, cores).write(tmp.resolve("t2"), 0, clips, d -> { }));
      double full1 = timed(() -> new SynthDataset(config, 2, 1).write(tmp.resolve("t1"), 0, clips, d -> { }));
      ScriptGenerator gen = new ScriptGenerator(config, 3);
      double draw = timed(() -> {
        Mat frame = new Mat();
        for (int i = 0; i < clips; i++) {
          try (SceneRenderer r = new SceneRenderer(gen.script(i))) {
            for (int f = 0; f < config.frames(); f++) {
              r.render(f, frame);
            }
          }
        }
        frame.release();
        return null;
      });
      double truth = timed(() -> {
        for (int i = 0; i < clips; i++) {
          SceneScript s = gen.script(i);
          ClipTruth.of(s);
        }
        return null;
      });
      double ffmpeg = timed(() -> {
        for (int i = 0; i < baselineClips; i++) {
          Process p = new ProcessBuilder("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i",
              "testsrc2=size=" + config.width() + "x" + config.height() + ":rate=" + (int) config.fps(),
              "-frames:v", Integer.toString(config.frames()), "-c:v", "libx264", "-pix_fmt", "yuv420p",
              tmp.resolve("ff" + i + ".mp4").toString())
              .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
          if (p.waitFor() != 0) {
            throw new IOException("ffmpeg failed (is it installed?)");
          }
        }
        return null;
      });
      double ffRate = baselineClips / ffmpeg;
      out.printf(Locale.ROOT, "synthworld at %dx%d, %.0f fps, %d frames; %d clips per row, %d cores%n",
          config.width(), config.height(), config.fps(), config.frames(), clips, cores);
      out.println("| what | seconds | clips/s | vs ffmpeg testsrc2 → mp4 |");
      out.println("|---|---:|---:|---:|");
      row("synth: render + H.264 + truth, " + cores + " threads", full2, clips, ffRate);
      row("synth: render + H.264 + truth, 1 thread", full1, clips, ffRate);
      row("draw frames only, 1 thread", draw, clips, ffRate);
      row("truth only (captions, description, prompt, facts), 1 thread", truth, clips, ffRate);
      row("baseline: ffmpeg -f lavfi testsrc2 → libx264 mp4, 1 process per clip", ffmpeg, baselineClips, ffRate);
    } finally {
      try (Stream<Path> walk = Files.walk(tmp)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private void row(String what, double seconds, int n, double baselineRate) {
    double rate = n / seconds;
    out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %.2f× |%n", what, seconds, rate, rate / baselineRate);
  }

  private interface Work {
    Object run() throws Exception;
  }

  private static double timed(Work work) throws IOException {
    long t0 = System.nanoTime();
    try {
      work.run();
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(e);
    }
    return (System.nanoTime() - t0) / 1e9;
  }
}
