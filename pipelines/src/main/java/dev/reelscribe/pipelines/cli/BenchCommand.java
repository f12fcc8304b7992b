package dev.reelscribe.pipelines.cli;

import dev.reelscribe.pipelines.bench.CaptionBenchmark;
import dev.reelscribe.pipelines.bench.FrameBenchmark;
import dev.reelscribe.pipelines.bench.SynthBenchmark;
import dev.reelscribe.pipelines.io.InputSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe bench frames}: frame extraction against the ffmpeg CLI, as a markdown table. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {"Benchmarks. 'frames': decoding and 1 fps JPEG sampling against the ffmpeg CLI",
        "(same work, same run, ratios), and the analysis pass per minute of video. 'synth': synthworld",
        "clips per second at the training defaults against ffmpeg encoding testsrc2 (both need ffmpeg on PATH).",
        "'captioner': the built-in frame captioner's frames/s at batch 1, 8 and 32. 'remote': the remote",
        "captioner against a local chat-completions server with --latency, at concurrency 1, 8 and 32."},
    footer = {"", "Example:", "  reelscribe bench frames --videos testdata/videos --repeats 3",
        "  reelscribe bench synth --clips 200", "  reelscribe bench captioner --frames 128",
        "  reelscribe bench remote --latency 200"})
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", paramLabel = "WHAT", description = "frames | synth | captioner | remote")
  String what;

  @Option(names = "--videos", paramLabel = "PATH", split = ",",
      description = "Video files or directories (comma-separated). Default: the bundled test videos.")
  List<Path> videos = List.of(testVideos());

  @Option(names = "--clips", description = "synth: clips per row (the ffmpeg baseline renders a fifth). Default: ${DEFAULT-VALUE}.")
  int clips = 200;

  @Option(names = "--frames", description = "captioner: frames per row. Default: ${DEFAULT-VALUE}.")
  int frames = 128;

  @Option(names = "--latency", paramLabel = "MS", description = "remote: server latency. Default: ${DEFAULT-VALUE}.")
  long latency = 200;

  @Option(names = "--requests-per-slot", paramLabel = "N",
      description = "remote: requests per unit of concurrency. Default: ${DEFAULT-VALUE}.")
  int perLevel = 10;

  @Option(names = "--repeats", description = "Timed runs per figure (median reported). Default: ${DEFAULT-VALUE}.")
  int repeats = 3;

  @Override
  public Integer call() throws Exception {
    if ("captioner".equals(what)) {
      new CaptionBenchmark(spec.commandLine().getOut()).builtin(frames, List.of(1, 8, 32));
      return 0;
    }
    if ("remote".equals(what)) {
      new CaptionBenchmark(spec.commandLine().getOut()).remote(latency, List.of(1, 8, 32), perLevel);
      return 0;
    }
    if ("synth".equals(what)) {
      new SynthBenchmark(Math.max(1, clips), Math.max(1, clips / 5), spec.commandLine().getOut()).run();
      return 0;
    }
    if (!"frames".equals(what)) {
      spec.commandLine().getErr().println("reelscribe bench: unknown benchmark '" + what + "'; try frames, synth, captioner or remote");
      return 2;
    }
    List<Path> files = new ArrayList<>();
    for (Path p : videos) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.list(p)) {
          s.filter(f -> InputSpec.looksLikeVideo(f.toString()) && !f.getFileName().toString().contains("bugy"))
              .sorted().forEach(files::add);
        }
      } else {
        files.add(p);
      }
    }
    new FrameBenchmark(files, Math.max(1, repeats), spec.commandLine().getOut()).run();
    return 0;
  }

  /** The bundled real test videos (testdata/videos under the install). */
  static Path testVideos() {
    String home = System.getProperty("reelscribe.home", System.getenv().getOrDefault("REELSCRIBE_HOME", "."));
    return Path.of(home, "testdata", "videos");
  }
}
