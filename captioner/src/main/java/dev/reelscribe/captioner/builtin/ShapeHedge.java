package dev.reelscribe.captioner.builtin;

import dev.reelscribe.synthworld.script.Shape;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * Shape hedging: a shape word the decoder chose with a probability below a threshold is written as
 * the generic {@value #WORD}, so "a small green hexagon on the left" becomes "a small green shape on
 * the left" when the model was unsure between a hexagon and a circle. The object, its colour, size and
 * place stay; only the guess is dropped. Decoding itself is unchanged (the next words are predicted
 * after the shape the model chose), so hedging trades some shape recall for fewer objects that are not
 * there, and nothing else.
 */
public final class ShapeHedge {
  /** The word a hedged shape is written as. */
  public static final String WORD = "shape";

  private final Vocabulary vocab;
  private final double below;
  private final BitSet shapes = new BitSet();

  public ShapeHedge(Vocabulary vocab, double below) {
    if (!(below >= 0 && below < 1)) {
      throw new IllegalArgumentException("the hedging threshold is a probability in [0, 1): " + below);
    }
    this.vocab = vocab;
    this.below = below;
    for (Shape s : Shape.values()) {
      int[] ids = vocab.encode(s.word());
      if (ids.length == 1 && ids[0] != Vocabulary.UNK) {
        shapes.set(ids[0]);
      }
    }
  }

  /** The text of decoded ids, each shape word whose probability is below the threshold hedged. */
  public String text(int[] ids, float[] probabilities) {
    if (probabilities.length < ids.length) {
      throw new IllegalArgumentException(ids.length + " tokens but " + probabilities.length + " probabilities");
    }
    Map<Integer, String> hedged = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (shapes.get(ids[i]) && probabilities[i] < below) {
        hedged.put(i, WORD);
      }
    }
    return vocab.decode(ids, hedged);
  }
}
