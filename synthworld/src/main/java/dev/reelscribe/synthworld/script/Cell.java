package dev.reelscribe.synthworld.script;

/** A cell of the frame's 3×3 grid: where a caption says an object is. */
public enum Cell {
  TOP_LEFT("top left"),
  TOP("top"),
  TOP_RIGHT("top right"),
  LEFT("left"),
  CENTER("center"),
  RIGHT("right"),
  BOTTOM_LEFT("bottom left"),
  BOTTOM("bottom"),
  BOTTOM_RIGHT("bottom right");

  private final String words;

  Cell(String words) {
    this.words = words;
  }

  public String words() {
    return words;
  }

  /** The cell holding a point of the unit square (x right, y down). */
  public static Cell of(double x, double y) {
    int col = x < 1.0 / 3 ? 0 : x < 2.0 / 3 ? 1 : 2;
    int row = y < 1.0 / 3 ? 0 : y < 2.0 / 3 ? 1 : 2;
    return values()[row * 3 + col];
  }

  public int row() {
    return ordinal() / 3;
  }

  public int col() {
    return ordinal() % 3;
  }
}
