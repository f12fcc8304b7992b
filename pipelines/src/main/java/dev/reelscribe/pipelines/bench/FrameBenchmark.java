package dev.reelscribe.pipelines.bench;

import dev.reelscribe.frames.ClipExtractor;
import dev.reelscribe.frames.ExtractionConfig;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.VideoExtraction;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import dev.reelscribe.frames.sampling.ClipRenderer;
import dev.reelscribe.frames.sampling.RenderedClip;
import dev.reelscribe.frames.sampling.SamplingConfig;
import dev.reelscribe.frames.sampling.SamplingStrategy;
import dev.reelscribe.frames.shots.ClipSpan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Frame extraction against the {@code ffmpeg} CLI doing the same work, timed side by side in one
 * run: decoding every frame ({@code ffmpeg -f null}), and sampling 1 fps to JPEG with the longest side
 * at 512 ({@code ffmpeg -vf fps=1,scale}). Also the full analysis pass (shot detection and scores)
 * per minute of video. Each figure is the median of {@code repeats} runs after one warm-up.
 */
public final class FrameBenchmark {
  private final List<Path> videos;
  private final int repeats;
  private final PrintWriter out;

  public FrameBenchmark(List<Path> videos, int repeats, PrintWriter out) {
    this.videos = videos;
    this.repeats = repeats;
    this.out = out;
  }

  public void run() throws Exception {
    out.println("| video | frames | decode: ours ms | ffmpeg -f null ms | ratio | 1 fps JPEG: ours ms | ffmpeg fps=1 ms | ratio | analysis ms | analysis s per video-minute |");
    out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    double[] totals = new double[5];
    double totalMinutes = 0;
    for (Path v : videos) {
      long[] frames = new long[1];
      double fps = probeFps(v);
      double decodeOurs = median(() -> {
        frames[0] = decodeAll(v);
        return null;
      });
      double decodeFfmpeg = median(() -> ffmpeg("-i", v.toString(), "-map", "0:v:0", "-f", "null", "-"));
      Path jpegDir = Files.createTempDirectory("bench-jpeg-");
      double sampleOurs = median(() -> sample(v, frames[0], fps));
      double sampleFfmpeg = median(() -> ffmpeg("-i", v.toString(), "-map", "0:v:0", "-vf",
          "fps=1,scale='if(gt(iw,ih),min(512,iw),-2)':'if(gt(iw,ih),-2,min(512,ih))'",
          "-q:v", "3", jpegDir.resolve("f%05d.jpg").toString()));
      deleteTree(jpegDir);
      double analysis = median(() -> analyze(v));
      double minutes = frames[0] / fps / 60.0;
      out.printf("| %s | %d | %.0f | %.0f | %.2f | %.0f | %.0f | %.2f | %.0f | %.1f |%n",
          v.getFileName(), frames[0], decodeOurs, decodeFfmpeg, decodeOurs / decodeFfmpeg,
          sampleOurs, sampleFfmpeg, sampleOurs / sampleFfmpeg, analysis, analysis / 1000.0 / minutes);
      totals[0] += decodeOurs;
      totals[1] += decodeFfmpeg;
      totals[2] += sampleOurs;
      totals[3] += sampleFfmpeg;
      totals[4] += analysis;
      totalMinutes += minutes;
      out.flush();
    }
    out.printf("| **all** | | %.0f | %.0f | **%.2f** | %.0f | %.0f | **%.2f** | %.0f | **%.1f** |%n",
        totals[0], totals[1], totals[0] / totals[1], totals[2], totals[3], totals[2] / totals[3],
        totals[4], totals[4] / 1000.0 / totalMinutes);
    out.flush();
  }

  private double median(Callable<Object> work) throws Exception {
    work.call();
    double[] ms = new double[repeats];
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      work.call();
      ms[i] = (System.nanoTime() - t0) / 1e6;
    }
    Arrays.sort(ms);
    return ms[repeats / 2];
  }

  private static FrameReader open(Path v) {
    Result<FrameReader> r = FrameReader.open(v, Deadline.after(Duration.ofMinutes(10)));
    if (r instanceof Result.Failed<FrameReader> f) {
      throw new IllegalStateException(v + ": " + f.reason());
    }
    return ((Result.Ok<FrameReader>) r).value();
  }

  private static double probeFps(Path v) {
    try (FrameReader reader = open(v)) {
      return reader.info().fps();
    }
  }

  private static long decodeAll(Path v) {
    try (FrameReader reader = open(v)) {
      while (reader.skip()) {
        // decode and drop, as ffmpeg -f null
      }
      return reader.position();
    }
  }

  private static Object sample(Path v, long frames, double fps) {
    ClipRenderer renderer = new ClipRenderer(
        new SamplingConfig(new SamplingStrategy.FixedRate(1), 512, 90), Duration.ofMinutes(10));
    Result<RenderedClip> r = renderer.render(v, new ClipSpan(0, 0, 0, frames), fps, Optional.empty());
    if (r instanceof Result.Failed<RenderedClip> f) {
      throw new IllegalStateException(v + ": " + f.reason());
    }
    return r;
  }

  private static Object analyze(Path v) throws IOException {
    Result<VideoExtraction> r = new ClipExtractor(ExtractionConfig.defaults()).extract(v, v.toString(), Files.size(v));
    if (r instanceof Result.Failed<VideoExtraction> f) {
      throw new IllegalStateException(v + ": " + f.reason());
    }
    return r;
  }

  private static Object ffmpeg(String... args) throws IOException, InterruptedException {
    String[] cmd = new String[args.length + 4];
    cmd[0] = "ffmpeg";
    cmd[1] = "-v";
    cmd[2] = "error";
    cmd[3] = "-y";
    System.arraycopy(args, 0, cmd, 4, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("ffmpeg failed: " + String.join(" ", cmd));
    }
    return null;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
