package dev.reelscribe.captioner.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.captioner.nn.FrameCaptionerBlock;
import dev.reelscribe.synthworld.script.Colour;
import org.junit.jupiter.api.Test;

class GridPlacesTest {
  private static final int SIDE = 8;
  private static final int COLOURS = FrameCaptionerBlock.AUX_COLOURS;
  private final GridPlaces places = new GridPlaces(SIDE, COLOURS);

  /** A grid where no colour is anywhere, except each given colour centred at its (row, col) with p. */
  private static float[] grid(Object... colourRowColP) {
    float[] p = new float[SIDE * SIDE * COLOURS];
    for (int k = 0; k < SIDE * SIDE; k++) {
      p[k * COLOURS] = 1;
    }
    for (int i = 0; i < colourRowColP.length; i += 4) {
      int c = ((Colour) colourRowColP[i]).ordinal() + 1;
      int k = (int) colourRowColP[i + 1] * SIDE + (int) colourRowColP[i + 2];
      float q = ((Number) colourRowColP[i + 3]).floatValue();
      p[k * COLOURS] = 1 - q;
      p[k * COLOURS + c] = q;
    }
    return p;
  }

  @Test
  void twoObjectsWhosePlacesTheCaptionSwappedGetTheGridsPlaces() {
    String caption = "A small red circle on the left and a large blue star on the right on a navy grid background.";
    float[] p = grid(Colour.RED, 3, 7, 0.9, Colour.BLUE, 4, 0, 0.8);
    assertThat(places.correct(caption, p))
        .isEqualTo("A small red circle on the right and a large blue star on the left on a navy grid background.");
  }

  @Test
  void onlyTheAxisThatDisagreesChanges() {
    // red is centred low in the middle column: "at the top" becomes "at the bottom", the column stays
    assertThat(places.correct("A small red circle at the top on a plain teal background.",
        grid(Colour.RED, 7, 3, 0.95))).isEqualTo("A small red circle at the bottom on a plain teal background.");
    // grid row 0 is in the top third, col 6 in the right one: "in the bottom left" → "in the top right"
    assertThat(places.correct("A large green ring in the bottom left.", grid(Colour.GREEN, 0, 6, 0.7)))
        .isEqualTo("A large green ring in the top right.");
  }

  @Test
  void aGridCellStraddlingTwoThirdsKeepsEitherOfThem() {
    // column 2 covers [0.25, 0.375): both the left and the middle third; column 5 the middle and the right
    float[] p = grid(Colour.RED, 2, 2, 0.9);
    assertThat(places.correct("A small red circle in the center.", p)).isEqualTo("A small red circle in the center.");
    assertThat(places.correct("A small red circle on the left.", p)).isEqualTo("A small red circle on the left.");
    assertThat(places.correct("A small red circle on the right.", p)).isEqualTo("A small red circle on the left.");
    float[] q = grid(Colour.RED, 5, 5, 0.9);
    assertThat(places.correct("A small red circle in the top left.", q))
        .isEqualTo("A small red circle in the bottom right.");
    assertThat(places.correct("A small red circle in the center.", q)).isEqualTo("A small red circle in the center.");
  }

  @Test
  void anUnsureGridOrAColourNamedTwiceKeepsTheCaptionsPlace() {
    assertThat(places.correct("A small red circle on the left.", grid(Colour.RED, 3, 7, 0.49)))
        .isEqualTo("A small red circle on the left.");
    String twice = "A small red circle on the left and a large red star at the top.";
    assertThat(places.correct(twice, grid(Colour.RED, 7, 7, 0.99))).isEqualTo(twice);
  }

  @Test
  void aHedgedShapeAndWordsOutsideMentionsAreLeftAlone() {
    String caption = "A plain navy background with a medium pink shape in the top left. The title \"SALE\" is at the top.";
    assertThat(places.correct(caption, grid(Colour.PINK, 7, 7, 0.9))).isEqualTo(
        "A plain navy background with a medium pink shape in the bottom right. The title \"SALE\" is at the top.");
    // no colour the grid knows is mentioned: nothing to check
    assertThat(places.correct("An empty frame with a plain navy background.", grid(Colour.RED, 0, 0, 1)))
        .isEqualTo("An empty frame with a plain navy background.");
  }

  @Test
  void aGridOfTheWrongSizeIsRefused() {
    assertThatThrownBy(() -> places.correct("A small red circle on the left.", new float[10]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("8×8");
    assertThatThrownBy(() -> new GridPlaces(8, 5)).isInstanceOf(IllegalArgumentException.class);
  }
}
