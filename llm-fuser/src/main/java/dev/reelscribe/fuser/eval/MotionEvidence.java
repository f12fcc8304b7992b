package dev.reelscribe.fuser.eval;

import dev.reelscribe.fuser.builtin.MotionTable;
import dev.reelscribe.fuser.train.FusionExamples;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of an object's motion its frame captions can tell at all. A frame caption places each
 * object in a 3×3 cell and gives its apparent size; across the sampled frames of a scene part, an
 * object's evidence is the sequence of its cell and size changes since it was first described ("-"
 * in frames where it is not). The best any fuser can do from that evidence is to say, for each
 * sequence, the motion most often behind it: this class fits that table on clips of one seed and
 * reads it on clips of another. The held-out accuracy is the figure (a table fitted on finitely
 * many clips leaves some sequences unseen, so it is a lower bound of the best possible accuracy);
 * the in-sample accuracy is an upper bound. A fuser that names each object once with one motion has
 * a motion F1 equal to its accuracy, so the two bracket the motion F1 reachable from perfect frame
 * captions.
 */
public final class MotionEvidence {
  /** Accuracy of the best motion-from-evidence table, overall and per true motion. */
  public record Report(int fitObjects, int heldObjects, int sequences, double inSample, double heldOut,
      Map<MotionKind, double[]> perKind) {}

  private record Example(String evidence, MotionKind motion) {}

  private MotionEvidence() {}

  public static Report measure(long fitSeed, int fitCount, long seed, int count, int framesPerClip) {
    if (fitCount < 1 || count < 1 || framesPerClip < 1) {
      throw new IllegalArgumentException("clip counts and frames per clip must be positive");
    }
    List<Example> fit = examples(fitSeed, fitCount, framesPerClip);
    List<Example> held = examples(seed, count, framesPerClip);
    Map<String, Map<MotionKind, Integer>> table = new HashMap<>();
    Map<MotionKind, Integer> overall = new EnumMap<>(MotionKind.class);
    for (Example e : fit) {
      table.computeIfAbsent(e.evidence(), k -> new EnumMap<>(MotionKind.class)).merge(e.motion(), 1, Integer::sum);
      overall.merge(e.motion(), 1, Integer::sum);
    }
    MotionKind fallback = mostCommon(overall);
    int inRight = 0;
    for (Example e : fit) {
      inRight += mostCommon(table.get(e.evidence())) == e.motion() ? 1 : 0;
    }
    int right = 0;
    Map<MotionKind, double[]> perKind = new EnumMap<>(MotionKind.class);
    for (Example e : held) {
      Map<MotionKind, Integer> seen = table.get(e.evidence());
      boolean ok = (seen == null ? fallback : mostCommon(seen)) == e.motion();
      right += ok ? 1 : 0;
      double[] k = perKind.computeIfAbsent(e.motion(), m -> new double[2]);
      k[0] += ok ? 1 : 0;
      k[1]++;
    }
    return new Report(fit.size(), held.size(), table.size(), inRight / (double) fit.size(),
        right / (double) held.size(), perKind);
  }

  /** One example per object and scene part: its evidence sequence and its true motion. */
  static List<Example> examples(long seed, int count, int k) {
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), seed);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      SceneScript script = generator.script(i);
      List<FrameLayout> layouts = new ArrayList<>();
      for (int frame : FusionExamples.frames(script, k)) {
        layouts.add(FrameLayout.of(script, frame));
      }
      for (int p = 0; p < script.parts().size(); p++) {
        ScenePart part = script.parts().get(p);
        for (SceneObject object : part.objects()) {
          out.add(new Example(MotionTable.evidence(layouts, p, object), object.motion().kind()));
        }
      }
    }
    return out;
  }

  private static MotionKind mostCommon(Map<MotionKind, Integer> counts) {
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
  }
}
