package dev.reelscribe.captioner.train;

import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training-time rotation augmentation. Synthworld's default mix spins about one object in ten, so
 * a frame captioner sees few shapes at an angle, and on held-out frames it names a rotating shape
 * wrongly about 40% of the time (a square at 45° reads as a diamond, a turned hexagon as a circle)
 * against 3% for the same shapes upright. This rewrites a script so that each shape whose rotation
 * shows on screen spins, with probability {@code share}, at its own speed from its start position.
 * A frame caption names no angle, so the canonical caption of the rewritten script is as true of
 * its frames as ever; the rendered frames and the captions both come from the rewritten script.
 */
public final class Spins {
  private Spins() {}

  /** The script with a share of its rotatable objects spinning; the script itself when none changes. */
  public static SceneScript apply(SceneScript script, SplittableRandom random, double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("spin share must be in [0,1], got " + share);
    }
    if (share == 0) {
      return script;
    }
    boolean changed = false;
    List<ScenePart> parts = new ArrayList<>();
    for (ScenePart part : script.parts()) {
      List<SceneObject> objects = new ArrayList<>();
      for (SceneObject o : part.objects()) {
        if (o.shape().rotationVisible() && o.motion().kind() != MotionKind.ROTATE && random.nextDouble() < share) {
          objects.add(new SceneObject(o.shape(), o.colour(), o.size(), o.x(), o.y(),
              new Motion(MotionKind.ROTATE, o.motion().speed()), o.depth()));
          changed = true;
        } else {
          objects.add(o);
        }
      }
      parts.add(new ScenePart(part.startFrame(), part.background(), part.camera(), objects));
    }
    if (!changed) {
      return script;
    }
    return new SceneScript(script.id(), script.seed(), script.width(), script.height(), script.fps(),
        script.frames(), parts, script.text(), script.staticBurst());
  }
}
