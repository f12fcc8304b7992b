package dev.reelscribe.captioner.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShapeHedgeTest {
  private final Vocabulary vocab = Vocabulary.synthworld();
  private final int[] ids = vocab.encode("A small green hexagon on the left and a large red star at the top.");

  /** Every token sure except those at the given positions, which get the given probabilities. */
  private float[] sure(int[] positions, float... probabilities) {
    float[] p = new float[ids.length];
    java.util.Arrays.fill(p, 0.99f);
    for (int i = 0; i < positions.length; i++) {
      p[positions[i]] = probabilities[i];
    }
    return p;
  }

  @Test
  void anUnsureShapeIsWrittenAsTheGenericWordAndASureOneStays() {
    ShapeHedge hedge = new ShapeHedge(vocab, 0.6);
    // tokens: A small green hexagon(3) on the left and a large red star(11) ...
    assertThat(hedge.text(ids, sure(new int[] {3}, 0.41f)))
        .isEqualTo("A small green shape on the left and a large red star at the top.");
    assertThat(hedge.text(ids, sure(new int[] {3, 11}, 0.59f, 0.2f)))
        .isEqualTo("A small green shape on the left and a large red shape at the top.");
    assertThat(hedge.text(ids, sure(new int[] {3}, 0.6f)))
        .isEqualTo("A small green hexagon on the left and a large red star at the top.");
  }

  @Test
  void onlyShapeWordsAreHedged() {
    ShapeHedge hedge = new ShapeHedge(vocab, 0.6);
    // unsure colour (2), size (1) and place (6): a hedge drops a shape guess, nothing else
    assertThat(hedge.text(ids, sure(new int[] {1, 2, 6}, 0.1f, 0.1f, 0.1f)))
        .isEqualTo(vocab.decode(ids));
  }

  @Test
  void aThresholdOfZeroNeverHedges() {
    float[] none = new float[ids.length];
    assertThat(new ShapeHedge(vocab, 0).text(ids, none)).isEqualTo(vocab.decode(ids));
  }

  @Test
  void theThresholdIsAProbabilityAndEveryTokenNeedsOne() {
    assertThatThrownBy(() -> new ShapeHedge(vocab, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShapeHedge(vocab, -0.1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ShapeHedge(vocab, 0.5).text(ids, new float[2]))
        .hasMessageContaining("probabilities");
  }

  @Test
  void replacedWordsDecodeWithTheUsualSpacing() {
    int[] quoted = vocab.encode("A red circle. The title \"GAME OVER\" is at the top.");
    assertThat(vocab.decode(quoted, java.util.Map.of(2, "shape")))
        .isEqualTo("A red shape. The title \"GAME OVER\" is at the top.");
  }
}
