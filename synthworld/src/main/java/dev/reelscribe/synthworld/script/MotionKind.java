package dev.reelscribe.synthworld.script;

/** What an object does during its scene part. Directions are on screen: x right, y down. */
public enum MotionKind {
  STILL(0, 0),
  LEFT(-1, 0),
  RIGHT(1, 0),
  UP(0, -1),
  DOWN(0, 1),
  UP_LEFT(-1, -1),
  UP_RIGHT(1, -1),
  DOWN_LEFT(-1, 1),
  DOWN_RIGHT(1, 1),
  BOUNCE_HORIZONTAL(1, 0),
  BOUNCE_VERTICAL(0, 1),
  ROTATE(0, 0),
  GROW(0, 0),
  SHRINK(0, 0),
  ORBIT(0, 0);

  private final int dx;
  private final int dy;

  MotionKind(int dx, int dy) {
    this.dx = dx;
    this.dy = dy;
  }

  public int dx() {
    return dx;
  }

  public int dy() {
    return dy;
  }

  /** True for the eight straight-line moves. */
  public boolean linear() {
    return ordinal() >= LEFT.ordinal() && ordinal() <= DOWN_RIGHT.ordinal();
  }

  public boolean diagonal() {
    return linear() && dx != 0 && dy != 0;
  }

  public boolean bounce() {
    return this == BOUNCE_HORIZONTAL || this == BOUNCE_VERTICAL;
  }

  /** The canonical token a caption's motion phrase maps to, e.g. {@code moves-up-left}. */
  public String token() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
