package dev.reelscribe.synthworld.truth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.SizeClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MentionTest {
  @Test
  void readsSizeColourShapeAndPlaceWithTheirPositions() {
    String caption = "A small red circle in the top left and a blue shape on the right on a plain navy background.";
    List<Mention> mentions = Mention.in(caption);
    assertThat(mentions).hasSize(2);
    Mention first = mentions.get(0);
    assertThat(first.size()).isEqualTo(SizeClass.SMALL);
    assertThat(first.colour()).isEqualTo(Colour.RED);
    assertThat(first.shape()).isEqualTo("circle");
    assertThat(first.place()).isEqualTo(Cell.TOP_LEFT);
    assertThat(caption.substring(first.start(), first.end())).isEqualTo("small red circle in the top left");
    assertThat(caption.substring(first.placeStart(), first.end())).isEqualTo("in the top left");
    Mention second = mentions.get(1);
    assertThat(second.size()).isNull();
    assertThat(second.shape()).isEqualTo("shape");
    assertThat(second.place()).isEqualTo(Cell.RIGHT);
    assertThat(caption.substring(second.start(), second.end())).isEqualTo("blue shape on the right");
  }

  @Test
  void countsColours() {
    List<Mention> mentions = Mention.in("A large green star in the bottom right and a green ring at the top.");
    assertThat(mentions).extracting(Mention::place).containsExactly(Cell.BOTTOM_RIGHT, Cell.TOP);
    assertThat(Mention.colourCounts(mentions)).isEqualTo(Map.of(Colour.GREEN, 2));
    assertThat(Mention.in("An empty frame with an olive grid background.")).isEmpty();
  }
}
