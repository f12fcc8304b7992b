package dev.reelscribe.synthworld.world;

import dev.reelscribe.synthworld.script.Background;
import dev.reelscribe.synthworld.script.BackgroundColour;
import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.CameraMotion;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.script.Speed;
import dev.reelscribe.synthworld.script.StaticBurst;
import dev.reelscribe.synthworld.script.TextKind;
import dev.reelscribe.synthworld.script.TextOverlay;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes random scene scripts. Script {@code i} of seed {@code s} depends only on (s, i) and the
 * config, so the first 100 clips of a seed are the same whether 100 or 10 000 are asked for, and
 * different seeds give disjoint held-out sets.
 *
 * <pre>
 * ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults(), 42);
 * SceneScript first = gen.script(0);
 * </pre>
 */
public final class ScriptGenerator {
  /** Words burned in as titles and subtitles. */
  public static final List<String> TEXTS = List.of(
      "HELLO", "WELCOME", "GOOD MORNING", "THE END", "BREAKING NEWS", "LIVE", "SALE", "CHAPTER ONE",
      "SEE YOU SOON", "GAME OVER");

  private static final MotionKind[] MOTIONS = {
      MotionKind.STILL, MotionKind.STILL,
      MotionKind.LEFT, MotionKind.RIGHT, MotionKind.UP, MotionKind.DOWN,
      MotionKind.LEFT, MotionKind.RIGHT, MotionKind.UP, MotionKind.DOWN,
      MotionKind.UP_LEFT, MotionKind.UP_RIGHT, MotionKind.DOWN_LEFT, MotionKind.DOWN_RIGHT,
      MotionKind.BOUNCE_HORIZONTAL, MotionKind.BOUNCE_VERTICAL,
      MotionKind.ROTATE, MotionKind.ROTATE, MotionKind.GROW, MotionKind.SHRINK, MotionKind.ORBIT};

  private static final double MARGIN = 0.02;
  private static final int PLACEMENT_TRIES = 40;

  private final WorldConfig config;
  private final long seed;

  public ScriptGenerator(WorldConfig config, long seed) {
    this.config = config;
    this.seed = seed;
  }

  public WorldConfig config() {
    return config;
  }

  public long seed() {
    return seed;
  }

  /** The id of script {@code index}: {@code sw-<seed>-<index, 6 digits>}. */
  public String id(long index) {
    return String.format("sw-%d-%06d", seed, index);
  }

  /** Script number {@code index} of this seed. */
  public SceneScript script(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("index must be >= 0");
    }
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    int frames = config.frames();
    List<ScenePart> parts = new ArrayList<>();
    boolean cut = frames >= 17 && random.nextDouble() < config.cutProbability();
    int cutFrame = cut ? (int) Math.round(frames * (0.35 + 0.3 * random.nextDouble())) : frames;
    parts.add(part(random, 0, cutFrame, null));
    if (cut) {
      parts.add(part(random, cutFrame, frames, parts.get(0).background()));
    }
    TextOverlay text = null;
    if (random.nextDouble() < config.textProbability()) {
      TextKind kind = random.nextBoolean() ? TextKind.TITLE : TextKind.SUBTITLE;
      String words = TEXTS.get(random.nextInt(TEXTS.size()));
      int start = 0;
      int end = frames;
      if (random.nextBoolean()) {
        int length = Math.max(3, frames / 3 + random.nextInt(Math.max(1, frames / 3)));
        start = random.nextInt(frames - length + 1);
        end = start + length;
      }
      text = new TextOverlay(kind, words, start, end);
    }
    StaticBurst burst = null;
    if (frames >= 17 && random.nextDouble() < config.staticProbability()) {
      int length = 2 + random.nextInt(3);
      for (int attempt = 0; attempt < 10 && burst == null; attempt++) {
        int start = 3 + random.nextInt(frames - length - 6);
        boolean nearCut = cut && start + length >= cutFrame - 2 && start <= cutFrame + 2;
        if (!nearCut) {
          burst = new StaticBurst(start, start + length);
        }
      }
    }
    return new SceneScript(id(index), seed, config.width(), config.height(), config.fps(), frames, parts, text, burst);
  }

  private ScenePart part(SplittableRandom random, int start, int end, Background previous) {
    double duration = (end - start) / config.fps();
    Background background;
    do {
      background = background(random);
    } while (previous != null && background.colour() == previous.colour());
    CameraMotion camera = CameraMotion.STILL;
    if (random.nextDouble() < config.cameraMoveProbability()) {
      CameraMotion[] moving = {CameraMotion.PAN_LEFT, CameraMotion.PAN_RIGHT, CameraMotion.ZOOM_IN, CameraMotion.ZOOM_OUT};
      camera = moving[random.nextInt(moving.length)];
    }
    double u = random.nextDouble();
    int count = u < 0.4 ? 1 : u < 0.75 ? 2 : 3;
    List<SceneObject> objects = new ArrayList<>();
    Set<Colour> colours = new HashSet<>();
    List<Integer> depths = new ArrayList<>(List.of(0, 1, 2).subList(0, count));
    while (objects.size() < count) {
      Shape shape = pick(random, Shape.values());
      Colour colour = pick(random, Colour.values());
      if (!colours.add(colour)) {
        continue;
      }
      int depth = depths.remove(random.nextInt(depths.size()));
      objects.add(object(random, shape, colour, depth, duration));
    }
    return new ScenePart(start, background, camera, objects);
  }

  private Background background(SplittableRandom random) {
    BackgroundKind kind = pick(random, BackgroundKind.values());
    BackgroundColour colour = pick(random, BackgroundColour.values());
    BackgroundColour second = null;
    if (kind == BackgroundKind.GRADIENT) {
      do {
        second = pick(random, BackgroundColour.values());
      } while (second == colour);
    }
    return new Background(kind, colour, second);
  }

  private SceneObject object(SplittableRandom random, Shape shape, Colour colour, int depth, double duration) {
    while (true) {
      MotionKind kind = pick(random, MOTIONS);
      if (kind == MotionKind.ROTATE && !shape.rotationVisible()) {
        continue;
      }
      SizeClass size = pick(random, SizeClass.values());
      if (kind == MotionKind.GROW && size == SizeClass.LARGE || kind == MotionKind.SHRINK && size == SizeClass.SMALL) {
        continue;
      }
      for (Speed speed : random.nextBoolean() ? new Speed[] {Speed.FAST, Speed.SLOW} : new Speed[] {Speed.SLOW}) {
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
          double x = round3(0.1 + 0.8 * random.nextDouble());
          double y = round3(0.1 + 0.8 * random.nextDouble());
          SceneObject candidate = new SceneObject(shape, colour, size, x, y, new Motion(kind, speed), depth);
          if (staysInside(candidate, duration)) {
            return candidate;
          }
        }
      }
    }
  }

  /** Whether the object's whole path keeps it inside the frame (camera at rest). */
  private boolean staysInside(SceneObject object, double duration) {
    double rx = Math.min(config.width(), config.height()) / (double) config.width();
    double ry = Math.min(config.width(), config.height()) / (double) config.height();
    int steps = Math.max(8, (int) Math.ceil(duration * config.fps()));
    for (int i = 0; i <= steps; i++) {
      Pose p = Kinematics.pose(object, duration * i / steps, duration);
      double r = p.radius() * (1 + MARGIN / p.radius());
      if (p.x() - r * rx < 0 || p.x() + r * rx > 1 || p.y() - r * ry < 0 || p.y() + r * ry > 1) {
        return false;
      }
    }
    return true;
  }

  private static <T> T pick(SplittableRandom random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static double round3(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** SplitMix64 of (seed, index): independent streams per clip. */
  public static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
