package dev.reelscribe.synthworld.script;

import java.util.Objects;

/**
 * A background: its kind, its main colour, and for gradients the colour it fades to.
 *
 * @param second the gradient's end colour; null for other kinds
 */
public record Background(BackgroundKind kind, BackgroundColour colour, BackgroundColour second) {
  public Background {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(colour, "colour");
    if ((kind == BackgroundKind.GRADIENT) != (second != null)) {
      throw new IllegalArgumentException("a gradient, and only a gradient, has a second colour");
    }
    if (second == colour) {
      throw new IllegalArgumentException("a gradient needs two different colours");
    }
  }
}
