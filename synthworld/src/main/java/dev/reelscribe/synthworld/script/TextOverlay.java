package dev.reelscribe.synthworld.script;

import java.util.Objects;

/** Burned-in text shown on frames {@code [startFrame, endFrame)}. */
public record TextOverlay(TextKind kind, String text, int startFrame, int endFrame) {
  public TextOverlay {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(text, "text");
    if (!text.matches("[A-Z][A-Z ]*[A-Z]")) {
      throw new IllegalArgumentException("overlay text must be upper-case words, got '" + text + "'");
    }
    if (startFrame < 0 || endFrame <= startFrame) {
      throw new IllegalArgumentException("overlay frames must satisfy 0 <= start < end");
    }
  }

  public boolean shownAt(int frame) {
    return frame >= startFrame && frame < endFrame;
  }
}
