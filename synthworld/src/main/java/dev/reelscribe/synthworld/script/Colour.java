package dev.reelscribe.synthworld.script;

/** The named, saturated colours of objects (BGR for OpenCV). Backgrounds use {@link BackgroundColour}. */
public enum Colour {
  RED("red", 40, 40, 230),
  ORANGE("orange", 20, 140, 255),
  YELLOW("yellow", 30, 230, 250),
  GREEN("green", 60, 200, 40),
  CYAN("cyan", 240, 230, 60),
  BLUE("blue", 255, 120, 30),
  PURPLE("purple", 220, 60, 160),
  PINK("pink", 200, 150, 255),
  WHITE("white", 245, 245, 245),
  BROWN("brown", 40, 90, 150);

  private final String word;
  private final double[] bgr;

  Colour(String word, double b, double g, double r) {
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
