package dev.reelscribe.synthworld.script;

/**
 * The dark, named colours of backgrounds. Their names never overlap {@link Colour}'s, so a caption's
 * "navy" always speaks of the background and "blue" of an object.
 */
public enum BackgroundColour {
  BLACK("black", 15, 15, 15),
  CHARCOAL("charcoal", 60, 60, 60),
  NAVY("navy", 90, 30, 20),
  MAROON("maroon", 30, 20, 90),
  OLIVE("olive", 20, 80, 75),
  TEAL("teal", 85, 80, 10);

  private final String word;
  private final double[] bgr;

  BackgroundColour(String word, double b, double g, double r) {
    this.word = word;
    this.bgr = new double[] {b, g, r};
  }

  public String word() {
    return word;
  }

  public double[] bgr() {
    return bgr.clone();
  }
}
