package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.TextKind;
import dev.reelscribe.synthworld.script.TextOverlay;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The dense, chronological description of a clip, in the style CogVideoX trains on: the opening
 * scene, what each object does, the camera, objects crossing, the static, the cut and the second
 * scene, the text. Sentence shapes, verbs and adverbs vary from clip to clip, so a model must learn
 * the content, not one template.
 */
public final class DescriptionWriter {
  private DescriptionWriter() {}

  public static String describe(SceneScript script, SplittableRandom random) {
    return describe(script, Facts.layouts(script), Wording.random(random));
  }

  /**
   * The description in one fixed wording (the first phrasing of every choice, sentences never
   * joined): the target the built-in fuser learns. {@code TruthScorer} reads it like any other.
   */
  public static String canonical(SceneScript script) {
    return describe(script, Facts.layouts(script), Wording.CANONICAL);
  }

  /** As above, with the frame layouts already computed. */
  static String describe(SceneScript script, List<FrameLayout> layouts, SplittableRandom random) {
    return describe(script, layouts, Wording.random(random));
  }

  private static String describe(SceneScript script, List<FrameLayout> layouts, Wording random) {
    List<String> sentences = new ArrayList<>();
    for (int p = 0; p < script.parts().size(); p++) {
      ScenePart part = script.parts().get(p);
      List<SceneObject> objects = new ArrayList<>(part.objects());
      objects.sort(Comparator.comparingInt((SceneObject o) -> Cell.of(o.x(), o.y()).ordinal())
          .thenComparingDouble(SceneObject::x));
      String background = Phrases.background(part.background());
      String list = introList(objects);
      if (p == 0) {
        sentences.add(opening(objects.size(), list, background, random));
      } else {
        sentences.add(Phrases.pick(Phrases.CUT_SENTENCES, random).formatted(background, list));
      }
      sentences.addAll(motions(objects, random));
      String crossing = crossing(script, layouts, p);
      if (crossing != null) {
        sentences.add(crossing);
      }
      sentences.add(Phrases.pick(Phrases.cameraVariants(part.camera()), random));
      if (script.staticBurst() != null && script.partIndexAt(script.staticBurst().startFrame()) == p) {
        sentences.add(Phrases.pick(List.of(
            "Partway through, the picture briefly breaks up into TV static before the scene returns.",
            "For a moment the image dissolves into static noise, then the scene comes back.",
            "Briefly, TV static interrupts the picture."), random));
      }
    }
    if (script.text() != null) {
      sentences.add(text(script, script.text(), random));
    }
    return String.join(" ", sentences);
  }

  private static String opening(int count, String list, String background, Wording random) {
    String noun = count == 1 ? "object" : "objects";
    List<String> forms = List.of(
        "The video opens on %2$s, where there is %1$s.",
        "Against %2$s, the scene shows %1$s.",
        "The scene shows %1$s on %2$s.",
        "There " + (count == 1 ? "is " : "are ") + Phrases.countWord(count) + " " + noun + " on %2$s: %1$s.");
    return Phrases.capitalize(Phrases.pick(forms, random).formatted(list, background));
  }

  private static String introList(List<SceneObject> objects) {
    List<String> items = new ArrayList<>();
    for (SceneObject o : objects) {
      items.add("a " + o.size().word() + " " + o.name() + " " + Phrases.at(Cell.of(o.x(), o.y())));
    }
    return FrameCaptionWriter.join(items);
  }

  private static List<String> motions(List<SceneObject> objects, Wording random) {
    List<String> out = new ArrayList<>();
    if (objects.size() == 1) {
      String subject = random.coin() ? "It" : "The " + objects.get(0).name();
      out.add(subject + " " + Phrases.motion(objects.get(0).motion(), random) + ".");
      return out;
    }
    int i = 0;
    while (i < objects.size()) {
      SceneObject a = objects.get(i);
      String first = "The " + a.name() + " " + Phrases.motion(a.motion(), random);
      if (i + 1 < objects.size() && random.coin()) {
        SceneObject b = objects.get(i + 1);
        String joiner = Phrases.pick(List.of(", while the ", ", and the ", " as the "), random);
        out.add(first + joiner + b.name() + " " + Phrases.motion(b.motion(), random) + ".");
        i += 2;
      } else {
        out.add(first + ".");
        i++;
      }
    }
    return out;
  }

  /** "At one point the red circle passes in front of the blue star.", or null if no objects cross. */
  private static String crossing(SceneScript script, List<FrameLayout> layouts, int partIndex) {
    int start = script.parts().get(partIndex).startFrame();
    int end = script.partEndFrame(partIndex);
    double side = Math.min(script.width(), script.height());
    for (int f = start; f < end; f++) {
      List<OnScreen> objects = layouts.get(f).objects();
      for (int near = objects.size() - 1; near > 0; near--) {
        for (int far = 0; far < near; far++) {
          OnScreen a = objects.get(near);
          OnScreen b = objects.get(far);
          double dx = (a.pose().x() - b.pose().x()) * script.width() / side;
          double dy = (a.pose().y() - b.pose().y()) * script.height() / side;
          if (Math.hypot(dx, dy) < 0.8 * (a.pose().radius() + b.pose().radius())) {
            return "At one point the " + a.object().name() + " passes in front of the " + b.object().name() + ".";
          }
        }
      }
    }
    return null;
  }

  private static String text(SceneScript script, TextOverlay text, Wording random) {
    boolean whole = text.startFrame() == 0 && text.endFrame() == script.frames();
    String prefix = whole ? "Throughout the clip, " : "For part of the clip, ";
    String body = text.kind() == TextKind.TITLE
        ? Phrases.pick(List.of("the title \"%s\" is shown at the top of the frame.",
            "a title reading \"%s\" appears at the top."), random)
        : Phrases.pick(List.of("the subtitle \"%s\" runs along the bottom of the frame.",
            "a subtitle reading \"%s\" appears at the bottom."), random);
    return prefix + body.formatted(text.text());
  }
}
