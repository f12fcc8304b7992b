package dev.reelscribe.pipelines.cli;

import dev.reelscribe.synthworld.SynthDataset;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The input a command uses when the user gives none: synthworld clips rendered on the spot (a fixed
 * seed, so every run sees the same videos), under the output directory when it is local and under a
 * temporary directory otherwise.
 */
final class EmbeddedInput {
  static final int COUNT = 24;
  static final long SEED = 0;

  private EmbeddedInput() {}

  /** Renders the clips (if not already there) and returns their directory. */
  static Path render(String output, PrintWriter err) throws IOException {
    Path dir = output.contains("://")
        ? Files.createTempDirectory("reelscribe-synthworld-input")
        : Path.of(output).resolveSibling(Path.of(output).getFileName() + "-synthworld-input");
    Path videos = dir.resolve("videos");
    if (Files.exists(dir.resolve("manifest.txt"))) {
      err.println("reelscribe: no --input given; using the synthworld clips in " + videos);
      return videos;
    }
    err.println("reelscribe: no --input given; rendering " + COUNT + " synthworld clips (seed " + SEED + ") to " + dir);
    SynthCommand.render(WorldConfig.defaults(), SEED, 0, COUNT, Runtime.getRuntime().availableProcessors(), dir, err);
    return videos;
  }
}
