package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.script.TextOverlay;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.Kinematics;
import dev.reelscribe.synthworld.world.OnScreen;
import dev.reelscribe.synthworld.world.Pose;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The structured truth of a frame or a whole clip: objects with their colours, sizes, positions and
 * motions, the parts with background, camera and object counts, and the events (cut, static, text).
 * Scores are exact because these come from the same script that was rendered.
 *
 * @param level "frame" or "clip"
 * @param text the burned-in text shown (in the frame, or anywhere in the clip), or null
 */
public record Facts(
    String level, List<ObjectFact> objects, List<PartFact> parts, boolean cut, boolean staticNoise,
    TextOverlay text) {

  /** How close (in frame units) to a cell border a centre may be for either cell to count. */
  public static final double CELL_TOLERANCE = 0.04;
  /** How close (relative) to a size border an apparent radius may be for either class to count. */
  public static final double SIZE_TOLERANCE = 0.08;

  public boolean frameLevel() {
    return level.equals("frame");
  }

  /**
   * What frame {@code frame} shows. A frame has one part, numbered 0 whatever part of the clip it is
   * in; a frame of static shows no background and no objects.
   */
  public static Facts ofFrame(SceneScript script, int frame) {
    FrameLayout layout = FrameLayout.of(script, frame);
    List<ObjectFact> objects = new ArrayList<>();
    int required = 0;
    int optional = 0;
    if (!layout.staticNoise()) {
      for (OnScreen o : layout.objects()) {
        if (o.visible() <= 0) {
          continue;
        }
        boolean must = o.visible() >= FrameCaptionWriter.DESCRIBED;
        if (must) {
          required++;
        } else {
          optional++;
        }
        Set<Cell> cells = cellsNear(o.pose().x(), o.pose().y());
        objects.add(new ObjectFact(0, o.object().shape(), o.object().colour(),
            sizesNear(o.pose().radius()), cells, cells, null, must));
      }
    }
    ScenePart part = layout.part();
    List<PartFact> parts = layout.staticNoise()
        ? List.of()
        : List.of(new PartFact(0, part.background(), null, required, optional));
    return new Facts("frame", objects, parts, false, layout.staticNoise(), layout.text());
  }

  /** What the whole clip shows and does. */
  public static Facts ofClip(SceneScript script) {
    return ofClip(script, layouts(script));
  }

  /** The layout of every frame of a script. */
  public static List<FrameLayout> layouts(SceneScript script) {
    List<FrameLayout> layouts = new ArrayList<>(script.frames());
    for (int f = 0; f < script.frames(); f++) {
      layouts.add(FrameLayout.of(script, f));
    }
    return layouts;
  }

  /** As {@link #ofClip(SceneScript)}, with the frame layouts already computed. */
  public static Facts ofClip(SceneScript script, List<FrameLayout> layouts) {
    List<ObjectFact> objects = new ArrayList<>();
    List<PartFact> parts = new ArrayList<>();
    for (int p = 0; p < script.parts().size(); p++) {
      ScenePart part = script.parts().get(p);
      double duration = script.partSeconds(p);
      int start = part.startFrame();
      int end = script.partEndFrame(p);
      for (SceneObject o : part.objects()) {
        Set<SizeClass> sizes = EnumSet.of(o.size());
        Set<Cell> cells = EnumSet.noneOf(Cell.class);
        for (int f = start; f < end; f++) {
          double t = (f - start) / script.fps();
          Pose world = Kinematics.pose(o, t, duration);
          sizes.add(SizeClass.of(world.radius()));
          cells.add(Cell.of(clamp(world.x()), clamp(world.y())));
        }
        for (int f = start; f < end; f++) {
          for (OnScreen s : layouts.get(f).objects()) {
            if (s.object().equals(o) && s.visible() >= FrameCaptionWriter.DESCRIBED) {
              cells.add(s.cell());
            }
          }
        }
        Set<Cell> main = cellsNear(o.x(), o.y());
        cells.addAll(main);
        objects.add(new ObjectFact(p, o.shape(), o.colour(), sizes, cells, main, o.motion().kind(), true));
      }
      parts.add(new PartFact(p, part.background(), part.camera(), part.objects().size(), 0));
    }
    return new Facts("clip", objects, parts, script.hasCut(), script.staticBurst() != null, script.text());
  }

  static Set<Cell> cellsNear(double x, double y) {
    Set<Cell> cells = EnumSet.noneOf(Cell.class);
    for (double dx : new double[] {-CELL_TOLERANCE, 0, CELL_TOLERANCE}) {
      for (double dy : new double[] {-CELL_TOLERANCE, 0, CELL_TOLERANCE}) {
        cells.add(Cell.of(clamp(x + dx), clamp(y + dy)));
      }
    }
    return cells;
  }

  static Set<SizeClass> sizesNear(double radius) {
    return EnumSet.of(SizeClass.of(radius), SizeClass.of(radius * (1 + SIZE_TOLERANCE)),
        SizeClass.of(radius * (1 - SIZE_TOLERANCE)));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(0.999, v));
  }
}
