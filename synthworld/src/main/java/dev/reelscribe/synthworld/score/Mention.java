package dev.reelscribe.synthworld.score;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One object a caption talks about, with everything it says of it. Fields hold canonical words
 * ("circle", "red", "small", "top-left", "moves-left"); null when not stated.
 */
final class Mention {
  final int segment;
  String shape;
  String colour;
  final Set<String> sizes = new LinkedHashSet<>();
  final Set<String> cells = new LinkedHashSet<>();
  final Set<String> motions = new LinkedHashSet<>();

  Mention(int segment, String shape, String colour) {
    this.segment = segment;
    this.shape = shape;
    this.colour = colour;
  }

  /** Whether {@code other} names the same object: same colour and shape, or one of them unstated. */
  boolean sameAs(Mention other) {
    if (segment != other.segment) {
      return false;
    }
    boolean colours = colour == null || other.colour == null || colour.equals(other.colour);
    boolean shapes = shape == null || other.shape == null || shape.equals(other.shape);
    boolean anchored = colour != null && colour.equals(other.colour) || shape != null && shape.equals(other.shape);
    return colours && shapes && anchored;
  }

  void absorb(Mention other) {
    if (shape == null) {
      shape = other.shape;
    }
    if (colour == null) {
      colour = other.colour;
    }
    sizes.addAll(other.sizes);
    cells.addAll(other.cells);
    motions.addAll(other.motions);
  }

  @Override
  public String toString() {
    return "[" + segment + "] " + sizes + " " + colour + " " + shape + " @" + cells + " " + motions;
  }
}
