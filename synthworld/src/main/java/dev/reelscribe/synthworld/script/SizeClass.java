package dev.reelscribe.synthworld.script;

/**
 * Object sizes, as a radius in units of the frame's shorter side. {@link #of(double)} classifies an
 * apparent radius, so a growing object that doubles its radius is described as larger.
 */
public enum SizeClass {
  SMALL("small", 0.065),
  MEDIUM("medium", 0.10),
  LARGE("large", 0.145);

  private final String word;
  private final double radius;

  SizeClass(String word, double radius) {
    this.word = word;
    this.radius = radius;
  }

  public String word() {
    return word;
  }

  /** The nominal radius, in units of the frame's shorter side. */
  public double radius() {
    return radius;
  }

  /** The class of an apparent radius: boundaries halfway (geometrically) between the nominal radii. */
  public static SizeClass of(double radius) {
    if (radius < Math.sqrt(SMALL.radius * MEDIUM.radius)) {
      return SMALL;
    }
    return radius < Math.sqrt(MEDIUM.radius * LARGE.radius) ? MEDIUM : LARGE;
  }
}
