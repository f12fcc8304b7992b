package dev.reelscribe.synthworld.script;

import java.util.List;
import java.util.Objects;

/**
 * A continuous shot of a clip: from {@code startFrame} up to the next part's start (or the end).
 * A clip has one part, or two when it has a hard cut.
 */
public record ScenePart(int startFrame, Background background, CameraMotion camera, List<SceneObject> objects) {
  public ScenePart {
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(camera, "camera");
    objects = List.copyOf(objects);
    if (startFrame < 0) {
      throw new IllegalArgumentException("startFrame must be >= 0");
    }
    if (objects.isEmpty() || objects.size() > 3) {
      throw new IllegalArgumentException("a scene part has 1 to 3 objects, got " + objects.size());
    }
    long colours = objects.stream().map(SceneObject::colour).distinct().count();
    if (colours != objects.size()) {
      throw new IllegalArgumentException("two objects of a part share a colour; they would merge on screen");
    }
  }
}
