package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.train.FusionExamples;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The motion most often behind an object's frame-caption evidence. A frame caption places an object
 * in a 3×3 cell with an apparent size; across a scene part's sampled frames, the object's
 * <em>evidence</em> is the sequence of its cell-column, cell-row and size changes since the first
 * frame that describes it ("0/0/0,1/0/0,-,…", "-" where no caption describes it). The table maps
 * each evidence sequence seen on synthworld clips to the motion most often behind it; the built-in
 * fuser uses it to check the motion it wrote ({@link MotionCheck}). Fitted by {@code reelscribe train
 * motion-table} from synthworld's own layouts (no model involved), so it is reproducible from the
 * seed; stored as {@value #FILE} in the fuser's model directory.
 */
public final class MotionTable {
  public static final String FILE = "motion-table.tsv";

  private final Map<String, MotionKind> table;
  private final String origin;

  private MotionTable(Map<String, MotionKind> table, String origin) {
    this.table = table;
    this.origin = origin;
  }

  /** Fits the table on {@code count} clips of {@code seed}, {@code framesPerClip} frames sampled as {@code uniform:k}. */
  public static MotionTable fit(long seed, int count, int framesPerClip) {
    if (count < 1 || framesPerClip < 1) {
      throw new IllegalArgumentException("clip count and frames per clip must be positive");
    }
    Map<String, Map<MotionKind, Integer>> counts = new TreeMap<>();
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), seed);
    for (int i = 0; i < count; i++) {
      SceneScript script = generator.script(i);
      List<FrameLayout> layouts = new ArrayList<>();
      for (int frame : FusionExamples.frames(script, framesPerClip)) {
        layouts.add(FrameLayout.of(script, frame));
      }
      for (int p = 0; p < script.parts().size(); p++) {
        for (SceneObject object : script.parts().get(p).objects()) {
          counts.computeIfAbsent(evidence(layouts, p, object), k -> new EnumMap<>(MotionKind.class))
              .merge(object.motion().kind(), 1, Integer::sum);
        }
      }
    }
    Map<String, MotionKind> table = new TreeMap<>();
    counts.forEach((evidence, byKind) -> table.put(evidence, mostCommon(byKind)));
    return new MotionTable(table, String.format(Locale.ROOT, "seed %d, %d clips, %d frames per clip", seed, count,
        framesPerClip));
  }

  /** The evidence of {@code object} in scene part {@code part}, from the layouts of the sampled frames. */
  public static String evidence(List<FrameLayout> layouts, int part, SceneObject object) {
    List<int[]> track = new ArrayList<>();
    for (FrameLayout layout : layouts) {
      if (layout.partIndex() != part) {
        continue;
      }
      OnScreen shown = null;
      for (OnScreen o : FrameCaptionWriter.described(layout)) {
        if (o.object() == object) {
          shown = o;
        }
      }
      track.add(shown == null ? null
          : new int[] {shown.cell().col(), shown.cell().row(), shown.apparentSize().ordinal()});
    }
    return evidence(track);
  }

  /** The evidence of a track: per frame {column, row, size class}, or null where the object is not described. */
  public static String evidence(List<int[]> track) {
    StringBuilder out = new StringBuilder();
    int[] first = null;
    for (int[] now : track) {
      if (now == null) {
        out.append("-,");
        continue;
      }
      if (first == null) {
        first = now;
      }
      out.append(now[0] - first[0]).append('/').append(now[1] - first[1]).append('/').append(now[2] - first[2])
          .append(',');
    }
    return out.toString();
  }

  /** The motion most often behind this evidence, if the fitting clips ever showed it. */
  public Optional<MotionKind> motion(String evidence) {
    return Optional.ofNullable(table.get(evidence));
  }

  public int size() {
    return table.size();
  }

  /** Writes {@code dir/}{@value #FILE} atomically: a comment line with the origin, then evidence TAB motion. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FILE);
    Path tmp = dir.resolve(FILE + ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      w.write("# reelscribe motion table: " + origin + "\n");
      for (Map.Entry<String, MotionKind> e : table.entrySet()) {
        w.write(e.getKey() + "\t" + e.getValue().name() + "\n");
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The table in {@code dir}, or empty if the directory has none. */
  public static Optional<MotionTable> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Map<String, MotionKind> table = new TreeMap<>();
    String origin = "";
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      if (line.startsWith("#")) {
        origin = line.replaceFirst("^# reelscribe motion table: ", "");
        continue;
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cols = line.split("\t");
      try {
        table.put(cols[0], MotionKind.valueOf(cols[1]));
      } catch (RuntimeException e) {
        throw new IOException(file + " line " + n + ": not 'evidence TAB motion': " + line);
      }
    }
    return Optional.of(new MotionTable(table, origin));
  }

  public String origin() {
    return origin;
  }

  private static MotionKind mostCommon(Map<MotionKind, Integer> counts) {
    // ties go to the earlier motion kind, so the table does not depend on map order
    MotionKind best = null;
    for (Map.Entry<MotionKind, Integer> e : counts.entrySet()) {
      if (best == null || e.getValue() > counts.get(best)) {
        best = e.getKey();
      }
    }
    return best;
  }
}
