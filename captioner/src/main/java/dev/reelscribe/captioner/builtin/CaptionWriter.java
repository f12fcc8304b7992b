package dev.reelscribe.captioner.builtin;

import ai.djl.ndarray.NDList;
import dev.reelscribe.captioner.nn.FrameCaptionerBlock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns what the block's decoding returns into caption text: the words of the token ids, unsure shapes
 * hedged ({@link ShapeHedge}, when the block returned token probabilities) and places checked against
 * the grid head ({@link GridPlaces}, when it returned the grid's colour probabilities). One place for
 * the translator and the trainer's validation, so both read the outputs the same way.
 */
public final class CaptionWriter {
  private final Vocabulary vocab;
  private final ShapeHedge hedge;
  private final GridPlaces places;
  private final int gridValues;

  public CaptionWriter(CaptionerConfig config) {
    this.vocab = config.vocab();
    this.hedge = config.hedgeBelow() > 0 ? new ShapeHedge(vocab, config.hedgeBelow()) : null;
    this.places = config.gridPlaces() ? new GridPlaces(config.gridSide(), FrameCaptionerBlock.AUX_COLOURS) : null;
    this.gridValues = config.gridSide() * config.gridSide() * FrameCaptionerBlock.AUX_COLOURS;
  }

  /**
   * The caption of one decoded row.
   *
   * @param probabilities each token's probability, or null (beam search, or hedging off)
   * @param grid the grid head's colour probabilities, or null (grid places off)
   */
  public String text(int[] ids, float[] probabilities, float[] grid) {
    String text = hedge != null && probabilities != null ? hedge.text(ids, probabilities) : vocab.decode(ids);
    return places != null && grid != null ? places.correct(text, grid) : text;
  }

  /** The captions of one image's decoding output: ids {@code [T]}, then what the block added. */
  public String text(NDList output) {
    return texts(output, 1).get(0);
  }

  /** The captions of a batch's decoding output: ids {@code [B,T]}, then what the block added. */
  public List<String> texts(NDList output) {
    return texts(output, (int) output.get(0).getShape().get(0));
  }

  private List<String> texts(NDList output, int rows) {
    long[] flat = output.get(0).toLongArray();
    int t = flat.length / rows;
    // the grid comes last when the block returns it; token probabilities, when returned, are second
    float[] grid = places != null && output.size() > 1 ? output.get(output.size() - 1).toFloatArray() : null;
    int probabilityIndex = grid != null ? output.size() - 2 : output.size() - 1;
    float[] probabilities = hedge != null && probabilityIndex >= 1 ? output.get(probabilityIndex).toFloatArray() : null;
    if (grid != null && grid.length != rows * gridValues) {
      throw new IllegalStateException("the block returned " + grid.length + " grid values for " + rows + " images");
    }
    List<String> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      int[] row = new int[t];
      for (int j = 0; j < t; j++) {
        row[j] = (int) flat[i * t + j];
      }
      out.add(text(row,
          probabilities == null ? null : Arrays.copyOfRange(probabilities, i * t, (i + 1) * t),
          grid == null ? null : Arrays.copyOfRange(grid, i * gridValues, (i + 1) * gridValues)));
    }
    return out;
  }
}
