package dev.reelscribe.pipelines.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MoveOptions;
import org.apache.beam.sdk.io.fs.ResourceId;
import org.apache.beam.sdk.util.MimeTypes;

/**
 * Makes a run's outputs appear together, and keeps a killed run from leaving anything a rerun could
 * take for finished work. Works on any Beam filesystem (local, {@code gs://}).
 *
 * <p>A run writes its record shards, corpus files and {@code run.json} under {@link #staging()},
 * {@code OUT/.staging/<runId>/}, in the same relative layout as {@code OUT}. Per-clip files ({@code
 * clips/<clipId>.mp4}, {@code cogvideox/videos/<clipId>.mp4}) are content-addressed, so they go
 * straight to their place, each atomically, and a rerun reuses them. When the pipeline has
 * succeeded, {@link #commit}:
 *
 * <ol>
 *   <li>writes {@code .staging/<runId>/COMMIT}, listing every staged file: from here on the run counts;
 *   <li>in each directory that receives staged files (not {@code OUT} itself), deletes the files the
 *       new ones do not replace, i.e. the previous run's shards;
 *   <li>renames every staged file into place;
 *   <li>deletes the staging directory.
 * </ol>
 *
 * {@link #begin} first recovers whatever earlier runs left: a staging directory with a {@code COMMIT}
 * is finished (steps 2–4 can be repeated), one without is an abandoned run and is deleted. One run
 * at a time may write to an output directory.
 */
public final class RunOutput {
  public static final String STAGING = ".staging";
  static final String COMMIT = "COMMIT";
  private static final String DIR = "D ";
  private static final String FILE = "F ";
  private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final String root;
  private final String runId;

  private RunOutput(String root, String runId) {
    this.root = root;
    this.runId = runId;
  }

  /** Recovers what earlier runs left under {@code output}, then starts a run there. */
  public static RunOutput begin(String output, PrintWriter log) throws IOException {
    String root = trim(output);
    recover(root, log);
    String id = RUN_ID.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-"
        + String.format("%06x", ThreadLocalRandom.current().nextInt(1 << 24));
    return new RunOutput(root, id);
  }

  public String root() {
    return root;
  }

  public String runId() {
    return runId;
  }

  /** Where this run's shards and reports go until {@link #commit}. */
  public String staging() {
    return root + "/" + STAGING + "/" + runId;
  }

  /**
   * Publishes everything staged; returns how many files were moved into place.
   *
   * @param replaced directories (relative to OUT) this run replaces even where it staged nothing
   *     (an empty {@code failed/} after a rerun fixed every failure)
   */
  public int commit(List<String> replaced, PrintWriter log) throws IOException {
    List<String> staged = new ArrayList<>();
    String prefix = staging() + "/";
    for (MatchResult.Metadata m : list(staging() + "/**")) {
      String path = m.resourceId().toString();
      String relative = path.substring(path.indexOf(prefix) + prefix.length());
      if (!relative.equals(COMMIT) && !isTemporary(relative)) {
        staged.add(relative);
      }
    }
    staged.sort(null);
    List<String> manifest = new ArrayList<>();
    replaced.forEach(d -> manifest.add(DIR + d));
    staged.forEach(f -> manifest.add(FILE + f));
    writeString(staging() + "/" + COMMIT, String.join("\n", manifest) + "\n");
    return finish(root, staging(), manifest);
  }

  /** Finishes committed runs and deletes abandoned ones; returns how many staging dirs it found. */
  static int recover(String root, PrintWriter log) throws IOException {
    List<String> runs = new ArrayList<>();
    for (MatchResult.Metadata m : list(root + "/" + STAGING + "/*/**")) {
      String path = m.resourceId().toString();
      String rest = path.substring(path.indexOf("/" + STAGING + "/") + STAGING.length() + 2);
      String run = rest.substring(0, rest.indexOf('/'));
      if (!runs.contains(run)) {
        runs.add(run);
      }
    }
    runs.sort(null);
    for (String run : runs) {
      String dir = root + "/" + STAGING + "/" + run;
      List<String> manifest = readLines(dir + "/" + COMMIT);
      if (manifest == null) {
        log.println("reelscribe: removing the unfinished run " + run + " left in " + root
            + " (its clip files stay and are reused)");
        deleteTree(dir);
      } else {
        log.println("reelscribe: finishing the commit of run " + run + " in " + root);
        finish(root, dir, manifest);
      }
    }
    return runs.size();
  }

  /** Steps 2–4 from a COMMIT manifest: {@code D dir} and {@code F file} lines, relative to OUT. */
  private static int finish(String root, String dir, List<String> manifest) throws IOException {
    Set<String> replaced = new LinkedHashSet<>();
    List<String> staged = new ArrayList<>();
    for (String line : manifest) {
      if (line.startsWith(DIR)) {
        replaced.add(line.substring(DIR.length()));
      } else if (line.startsWith(FILE)) {
        staged.add(line.substring(FILE.length()));
      } else {
        throw new IOException("unreadable line in " + dir + "/" + COMMIT + ": " + line);
      }
    }
    Set<String> incoming = new HashSet<>(staged);
    for (String file : staged) {
      int slash = file.lastIndexOf('/');
      if (slash > 0) {
        replaced.add(file.substring(0, slash));
      }
    }
    List<ResourceId> stale = new ArrayList<>();
    for (String d : replaced) {
      for (MatchResult.Metadata m : list(root + "/" + d + "/*")) {
        String name = m.resourceId().getFilename();
        if (!incoming.contains(d + "/" + name)) {
          stale.add(m.resourceId());
        }
      }
    }
    FileSystems.delete(stale, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    List<ResourceId> from = new ArrayList<>();
    List<ResourceId> to = new ArrayList<>();
    for (String file : staged) {
      ResourceId source = FileSystems.matchNewResource(dir + "/" + file, false);
      if (exists(source.toString())) {
        from.add(source);
        to.add(FileSystems.matchNewResource(root + "/" + file, false));
      }
    }
    if (!from.isEmpty()) {
      FileSystems.rename(from, to, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    }
    deleteTree(dir);
    return from.size();
  }

  /** FileIO's temporary shards of a killed bundle: never published. */
  private static boolean isTemporary(String relative) {
    return relative.contains("/.temp-beam") || relative.startsWith(".temp-beam") || relative.contains("/.tmp-");
  }

  private static List<MatchResult.Metadata> list(String pattern) throws IOException {
    MatchResult match = FileSystems.match(List.of(pattern), EmptyMatchTreatment.ALLOW).get(0);
    if (match.status() == MatchResult.Status.NOT_FOUND) {
      return List.of();
    }
    return match.metadata();
  }

  private static boolean exists(String path) throws IOException {
    return LocalCopy.exists(path);
  }

  private static void deleteTree(String dir) throws IOException {
    List<ResourceId> files = new ArrayList<>();
    for (MatchResult.Metadata m : list(dir + "/**")) {
      files.add(m.resourceId());
    }
    FileSystems.delete(files, MoveOptions.StandardMoveOptions.IGNORE_MISSING_FILES);
    ResourceId id = FileSystems.matchNewResource(dir, true);
    if ("file".equals(id.getScheme())) {
      Path local = Path.of(dir);
      if (Files.exists(local)) {
        try (Stream<Path> walk = Files.walk(local)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
      Path staging = local.getParent();
      try (Stream<Path> left = Files.list(staging)) {
        if (left.findAny().isEmpty()) {
          Files.deleteIfExists(staging);
        }
      } catch (java.nio.file.NoSuchFileException ignored) {
        // already gone
      }
    }
  }

  /** Reads a small text file; null when it does not exist. */
  static List<String> readLines(String path) throws IOException {
    if (!exists(path)) {
      return null;
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  /** Writes a small text file atomically: under a temporary name, then renamed. */
  static void writeString(String path, String text) throws IOException {
    ResourceId dest = FileSystems.matchNewResource(path, false);
    ResourceId tmp = dest.getCurrentDirectory().resolve(".tmp-" + java.util.UUID.randomUUID() + "-" + dest.getFilename(),
        org.apache.beam.sdk.io.fs.ResolveOptions.StandardResolveOptions.RESOLVE_FILE);
    try (OutputStream out = Channels.newOutputStream(FileSystems.create(tmp, MimeTypes.TEXT))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    FileSystems.rename(List.of(tmp), List.of(dest));
  }

  private static String trim(String output) {
    return output.endsWith("/") ? output.substring(0, output.length() - 1) : output;
  }
}
