package dev.reelscribe.synthworld.script;

/** The shapes synthworld draws. {@link #rotationVisible()} says whether spinning it shows on screen. */
public enum Shape {
  CIRCLE("circle", false),
  SQUARE("square", true),
  TRIANGLE("triangle", true),
  STAR("star", true),
  RING("ring", false),
  CROSS("cross", true),
  DIAMOND("diamond", true),
  HEXAGON("hexagon", true);

  private final String word;
  private final boolean rotationVisible;

  Shape(String word, boolean rotationVisible) {
    this.word = word;
    this.rotationVisible = rotationVisible;
  }

  /** The canonical English noun. */
  public String word() {
    return word;
  }

  public boolean rotationVisible() {
    return rotationVisible;
  }
}
