package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A short prompt, as a user would type it: the objects and what they do, the background in a word,
 * the camera if it moves. "a red circle moving left and a blue star spinning on a navy grid, camera
 * panning left"
 */
public final class PromptWriter {
  private PromptWriter() {}

  public static String prompt(SceneScript script, SplittableRandom random) {
    List<String> parts = new ArrayList<>();
    for (ScenePart part : script.parts()) {
      List<String> items = new ArrayList<>();
      for (SceneObject o : part.objects()) {
        items.add("a " + o.name() + " " + Phrases.motionShort(o.motion()));
      }
      String scene = FrameCaptionWriter.join(items);
      if (random.nextBoolean()) {
        scene += " on a " + part.background().colour().word() + " background";
      }
      String camera = Phrases.cameraShort(part.camera());
      if (!camera.isEmpty()) {
        scene += ", " + camera;
      }
      parts.add(scene);
    }
    String prompt = String.join(", then a cut to ", parts);
    if (script.text() != null) {
      prompt += ", with the " + script.text().kind().word() + " \"" + script.text().text() + "\"";
    }
    return prompt;
  }
}
