package dev.reelscribe.generator.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The CogVideoX fine-tune layout that {@code reelscribe caption} writes and CogVideoX's own
 * fine-tuning scripts read: {@code prompts.txt} and {@code videos.txt}, line-aligned, with video paths
 * relative to the directory ({@code videos/<id>.mp4}).
 */
public final class CogVideoXLayout {
  private CogVideoXLayout() {}

  /** One training pair. */
  public record Sample(String prompt, Path video) {}

  /** Reads the pairs of a layout directory; a missing file or a line-count mismatch is an error that names it. */
  public static List<Sample> read(Path dir) throws IOException {
    Path prompts = dir.resolve("prompts.txt");
    Path videos = dir.resolve("videos.txt");
    for (Path p : List.of(prompts, videos)) {
      if (!Files.isRegularFile(p)) {
        throw new IOException(dir + " is not a CogVideoX layout: " + p.getFileName() + " is missing");
      }
    }
    List<String> p = Files.readAllLines(prompts, StandardCharsets.UTF_8);
    List<String> v = Files.readAllLines(videos, StandardCharsets.UTF_8);
    while (!p.isEmpty() && p.get(p.size() - 1).isBlank()) {
      p.remove(p.size() - 1);
    }
    while (!v.isEmpty() && v.get(v.size() - 1).isBlank()) {
      v.remove(v.size() - 1);
    }
    if (p.size() != v.size()) {
      throw new IOException(dir + ": prompts.txt has " + p.size() + " lines but videos.txt has " + v.size());
    }
    List<Sample> out = new ArrayList<>(p.size());
    for (int i = 0; i < p.size(); i++) {
      out.add(new Sample(p.get(i).strip(), dir.resolve(v.get(i).strip())));
    }
    return out;
  }

  /** Writes the two index files atomically; the videos must already be under {@code dir}. */
  public static void writeIndex(Path dir, List<String> prompts, List<String> relativeVideos) throws IOException {
    if (prompts.size() != relativeVideos.size()) {
      throw new IllegalArgumentException("prompts and videos differ in length");
    }
    for (String prompt : prompts) {
      if (prompt.contains("\n")) {
        throw new IllegalArgumentException("a prompt spans lines: " + prompt);
      }
    }
    write(dir.resolve("prompts.txt"), String.join("\n", prompts) + "\n");
    write(dir.resolve("videos.txt"), String.join("\n", relativeVideos) + "\n");
  }

  private static void write(Path target, String text) throws IOException {
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    Files.writeString(temp, text, StandardCharsets.UTF_8);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
