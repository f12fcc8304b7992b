package dev.reelscribe.captioner.builtin;

import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.truth.Mention;
import dev.reelscribe.synthworld.truth.Phrases;
import java.util.List;
import java.util.Map;

/**
 * Places from the grid: the captioner's auxiliary head says, for each cell of the encoder's image grid,
 * which colour of object has its centre there. The decoder sometimes writes two objects' places the
 * wrong way round ("a red circle on the left and a blue star on the right" when it is the other way);
 * the grid head rarely does. For each mention "[size] colour shape place" whose colour the caption
 * names once, the grid cell the head is most sure holds that colour (probability at least {@link
 * #MIN_PROBABILITY}) is compared with the mentioned third of the frame, axis by axis: a grid cell lies
 * in one third, or straddles two; where the caption's third is not one the grid cell touches, that
 * axis is taken from the third holding the grid cell's centre. Words other than the place are never
 * changed.
 */
public final class GridPlaces {
  /** The grid head's probability for a colour below which its place is not used. */
  public static final double MIN_PROBABILITY = 0.5;

  private final int side;
  private final int colours;

  /**
   * @param side the encoder grid's side ({@link CaptionerConfig#gridSide()})
   * @param colours the grid head's colour classes: none first, then {@link Colour} in order
   */
  public GridPlaces(int side, int colours) {
    if (side < 1 || colours != Colour.values().length + 1) {
      throw new IllegalArgumentException("a " + side + "-cell grid with " + colours + " colour classes");
    }
    this.side = side;
    this.colours = colours;
  }

  /**
   * The caption with each mention's place checked against the grid head.
   *
   * @param probabilities the head's colour probabilities, row-major over the grid, {@code colours} per
   *     cell
   */
  public String correct(String caption, float[] probabilities) {
    if (probabilities.length != side * side * colours) {
      throw new IllegalArgumentException(probabilities.length + " grid probabilities for a " + side + "×" + side
          + " grid of " + colours + " colours");
    }
    List<Mention> mentions = Mention.in(caption);
    Map<Colour, Integer> named = Mention.colourCounts(mentions);
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (Mention m : mentions) {
      Cell place = named.get(m.colour()) == 1 ? place(m.place(), m.colour(), probabilities) : m.place();
      out.append(caption, at, m.placeStart()).append(Phrases.at(place));
      at = m.end();
    }
    return out.append(caption, at, caption.length()).toString();
  }

  /** The place for an object of {@code colour} the caption put in {@code said}. */
  Cell place(Cell said, Colour colour, float[] probabilities) {
    int c = colour.ordinal() + 1;
    int best = 0;
    for (int k = 1; k < side * side; k++) {
      if (probabilities[k * colours + c] > probabilities[best * colours + c]) {
        best = k;
      }
    }
    if (probabilities[best * colours + c] < MIN_PROBABILITY) {
      return said;
    }
    int row = third(said.row(), best / side);
    int col = third(said.col(), best % side);
    return Cell.values()[row * 3 + col];
  }

  /** The caption's third if grid index {@code i} (of {@code side}) touches it, else the third of its centre. */
  private int third(int said, int i) {
    double lo = (double) i / side;
    double hi = (double) (i + 1) / side;
    if (lo < (said + 1) / 3.0 && hi > said / 3.0) {
      return said;
    }
    double centre = (i + 0.5) / side;
    return centre < 1.0 / 3 ? 0 : centre < 2.0 / 3 ? 1 : 2;
  }
}
