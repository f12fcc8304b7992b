package dev.reelscribe.synthworld.script;

/** How a background is painted. */
public enum BackgroundKind {
  SOLID("plain"),
  GRADIENT("gradient"),
  GRID("grid"),
  NOISE("textured");

  private final String word;

  BackgroundKind(String word) {
    this.word = word;
  }

  public String word() {
    return word;
  }
}
