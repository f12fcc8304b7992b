package dev.reelscribe.pipelines.cli;

import dev.reelscribe.pipelines.bench.FrameBenchmark;
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
        "(same work, same run, ratios), and the analysis pass per minute of video. Needs ffmpeg on PATH."},
    footer = {"", "Example:", "  reelscribe bench frames --videos testdata/videos --repeats 3"})
public final class BenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", paramLabel = "WHAT", description = "frames")
  String what;

  @Option(names = "--videos", paramLabel = "PATH", split = ",",
      description = "Video files or directories (comma-separated). Default: the bundled test videos.")
  List<Path> videos = List.of(Path.of(ExtractCommand.defaultInput()));

  @Option(names = "--repeats", description = "Timed runs per figure (median reported). Default: ${DEFAULT-VALUE}.")
  int repeats = 3;

  @Override
  public Integer call() throws Exception {
    if (!"frames".equals(what)) {
      spec.commandLine().getErr().println("reelscribe bench: unknown benchmark '" + what + "'; try 'frames'");
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
}
