package dev.reelscribe.pipelines.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.ResourceId;

/**
 * What {@code --input} names, resolved when the pipeline is built.
 *
 * <ul>
 *   <li>a directory (local, or a {@code gs://} path ending in {@code /}): its video files, by extension
 *   <li>a glob ({@code videos/*.mp4}, {@code gs://bucket/raw/**}): every file it matches
 *   <li>a manifest ({@code .txt}): one path, uri or glob a line; {@code #} starts a comment
 *   <li>anything else: one file (a missing one becomes a failed record, not a crash)
 * </ul>
 *
 * @param directoryPatterns patterns whose matches are kept only if they look like video files
 * @param globs patterns whose matches are all kept
 * @param files single files
 */
public record InputSpec(List<String> directoryPatterns, List<String> globs, List<String> files) {
  /** File extensions taken from a directory. */
  public static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm",
      "mpg", "mpeg", "ts", "m2ts", "flv", "wmv", "ogv", "3gp", "mxf");

  public static InputSpec resolve(String input) throws IOException {
    List<String> dirs = new ArrayList<>();
    List<String> globs = new ArrayList<>();
    List<String> files = new ArrayList<>();
    String lower = input.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".txt") || lower.endsWith(".manifest")) {
      for (String line : readLines(input)) {
        classify(resolveAgainst(input, line), dirs, globs, files);
      }
    } else {
      classify(input, dirs, globs, files);
    }
    return new InputSpec(List.copyOf(dirs), List.copyOf(globs), List.copyOf(files));
  }

  public boolean isEmpty() {
    return directoryPatterns.isEmpty() && globs.isEmpty() && files.isEmpty();
  }

  public static boolean looksLikeVideo(String uri) {
    int slash = uri.lastIndexOf('/');
    String name = uri.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 && VIDEO_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  private static void classify(String spec, List<String> dirs, List<String> globs, List<String> files) {
    boolean remote = spec.contains("://") && !spec.startsWith("file://");
    if (spec.endsWith("/") || (!remote && Files.isDirectory(localPath(spec)))) {
      dirs.add(spec.endsWith("/") ? spec + "*" : spec + "/*");
    } else if (spec.contains("*") || spec.contains("?") || spec.contains("[")) {
      globs.add(spec);
    } else {
      files.add(remote ? spec : localPath(spec).toAbsolutePath().normalize().toString());
    }
  }

  private static Path localPath(String spec) {
    return spec.startsWith("file://") ? Path.of(java.net.URI.create(spec)) : Path.of(spec);
  }

  private static String resolveAgainst(String manifest, String line) {
    if (line.contains("://") || line.startsWith("/")) {
      return line;
    }
    ResourceId base = FileSystems.matchNewResource(manifest, false).getCurrentDirectory();
    return base.resolve(line, org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE)
        .toString();
  }

  private static List<String> readLines(String manifest) throws IOException {
    ResourceId id = FileSystems.matchSingleFileSpec(manifest).resourceId();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(
        new InputStreamReader(Channels.newInputStream(FileSystems.open(id)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          lines.add(t);
        }
      }
    }
    return lines;
  }
}
