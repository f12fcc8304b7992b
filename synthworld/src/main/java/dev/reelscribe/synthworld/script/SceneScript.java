package dev.reelscribe.synthworld.script;

import java.util.List;
import java.util.Objects;

/**
 * Everything that determines a synthworld clip: rendering it and describing it both read only this.
 * Serialised as JSON by {@link ScriptJson}.
 *
 * @param id stable name, e.g. {@code sw-42-000017} (seed 42, index 17)
 * @param parts one part, or two when the clip has a hard cut; the first starts at frame 0
 * @param text burned-in text, or null
 * @param staticBurst frames of TV static, or null
 */
public record SceneScript(
    String id,
    long seed,
    int width,
    int height,
    double fps,
    int frames,
    List<ScenePart> parts,
    TextOverlay text,
    StaticBurst staticBurst) {

  public SceneScript {
    Objects.requireNonNull(id, "id");
    parts = List.copyOf(parts);
    if (width < 16 || height < 16 || fps <= 0 || frames < 2) {
      throw new IllegalArgumentException("bad clip geometry " + width + "x" + height + "@" + fps + " x" + frames);
    }
    if (parts.isEmpty() || parts.size() > 2 || parts.get(0).startFrame() != 0) {
      throw new IllegalArgumentException("a script has one or two parts, the first starting at frame 0");
    }
    for (int i = 1; i < parts.size(); i++) {
      int start = parts.get(i).startFrame();
      if (start <= parts.get(i - 1).startFrame() || start >= frames) {
        throw new IllegalArgumentException("scene parts must start in order, inside the clip");
      }
    }
    if (text != null && text.endFrame() > frames) {
      throw new IllegalArgumentException("text runs past the end of the clip");
    }
    if (staticBurst != null && staticBurst.endFrame() > frames) {
      throw new IllegalArgumentException("static runs past the end of the clip");
    }
  }

  public double durationSeconds() {
    return frames / fps;
  }

  public boolean hasCut() {
    return parts.size() > 1;
  }

  /** The index of the part that frame {@code frame} belongs to. */
  public int partIndexAt(int frame) {
    int index = 0;
    for (int i = 1; i < parts.size(); i++) {
      if (frame >= parts.get(i).startFrame()) {
        index = i;
      }
    }
    return index;
  }

  /** The first frame after part {@code index}. */
  public int partEndFrame(int index) {
    return index + 1 < parts.size() ? parts.get(index + 1).startFrame() : frames;
  }

  /** The length of part {@code index}, in seconds. */
  public double partSeconds(int index) {
    return (partEndFrame(index) - parts.get(index).startFrame()) / fps;
  }

  /** Seconds since the start of the frame's part. */
  public double partTime(int frame) {
    return (frame - parts.get(partIndexAt(frame)).startFrame()) / fps;
  }

  public double timestampSeconds(int frame) {
    return frame / fps;
  }
}
