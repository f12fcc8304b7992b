package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class NeighbourLossTest {
  /** One clip, 3 latent frames, 1 channel, 1x4 cells: an object at x = t moving right one cell a frame. */
  private static float[] moving(int frames) {
    float[] v = new float[frames * 4];
    for (int t = 0; t < frames; t++) {
      v[t * 4 + t] = 1f;
    }
    return v;
  }

  /** The motion loss of a prediction against the moving object, every cell weighted 1. */
  private static float againstMoving(Function<NDArray, NDArray> predict) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray target = m.create(moving(3), new Shape(1, 3, 1, 1, 4));
      NDArray weights = m.ones(new Shape(1, 3, 1, 1, 4));
      return NeighbourLoss.motion(predict.apply(target).sub(target), weights).getFloat();
    }
  }

  @Test
  void anErrorThatIsTheSameInEveryFrameCostsNoMotion() {
    // a background a shade off, everywhere and always
    assertThat(againstMoving(target -> target.add(0.3f))).isCloseTo(0f, within(1e-10f));
  }

  @Test
  void anObjectDrawnInPlaceCostsItsMotion() {
    // the object stays in its first cell. Errors per frame: [0,0,0,0], [1,-1,0,0], [1,0,-1,0];
    // changes: [1,-1,0,0], [0,1,-1,0] → 4 of 8 squared
    float loss = againstMoving(target -> target.getManager().create(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0},
        target.getShape()));
    assertThat(loss).isCloseTo(0.5f, within(1e-6f));
  }

  @Test
  void aPairWeighsWhatItsHeavierCellWeighs() {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(1, 2, 1, 1, 2);
      NDArray error = m.create(new float[] {0, 0, 1, 0}, shape);   // only cell 0 changes, by 1
      NDArray weights = m.create(new float[] {4, 1, 1, 1}, new Shape(1, 2, 1, 1, 2));
      // pair weights [4, 1] (mean 2.5); weighted squared change [4, 0] → mean 2 / 2.5
      assertThat(NeighbourLoss.motion(error, weights).getFloat()).isCloseTo(0.8f, within(1e-6f));
    }
  }

  /** The outline loss of {@code error} over one frame of one channel, {@code side×side}, every cell weighted 1. */
  private static float outline(float[] error, int side) {
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(1, 1, 1, side, side);
      return NeighbourLoss.outline(m.create(error, shape), m.ones(shape)).getFloat();
    }
  }

  @Test
  void anErrorThatIsTheSameInEveryCellCostsNoOutline() {
    float[] offset = new float[16];
    java.util.Arrays.fill(offset, 0.3f);
    assertThat(outline(offset, 4)).isCloseTo(0f, within(1e-10f));
  }

  @Test
  void aCornerRoundedOffCostsItsEdges() {
    // 3x3 cells, a wrong value in the corner cell only: it differs from its right and its lower
    // neighbour, 1 of the 6 horizontal pairs and 1 of the 6 vertical ones → (1/6 + 1/6) / 2
    float[] corner = {1, 0, 0, 0, 0, 0, 0, 0, 0};
    assertThat(outline(corner, 3)).isCloseTo(1f / 6, within(1e-6f));
    // the same error spread over the whole left column is one vertical edge: the horizontal pairs
    // (0,1) of each row differ, the vertical ones do not → (3/6 + 0) / 2
    float[] column = {1, 0, 0, 1, 0, 0, 1, 0, 0};
    assertThat(outline(column, 3)).isCloseTo(0.25f, within(1e-6f));
  }

  @Test
  void timeAndSpaceAreSeparateTerms() {
    try (NDManager m = NDManager.newBaseManager()) {
      // two frames of 2x2 cells, the second a shade off everywhere: all motion, no outline
      Shape shape = new Shape(1, 2, 1, 2, 2);
      NDArray error = m.create(new float[] {0, 0, 0, 0, 1, 1, 1, 1}, shape);
      NDArray weights = m.ones(shape);
      assertThat(NeighbourLoss.outline(error, weights).getFloat()).isCloseTo(0f, within(1e-10f));
      assertThat(NeighbourLoss.motion(error, weights).getFloat()).isCloseTo(1f, within(1e-6f));
    }
  }

  @Test
  void thePixelTermIsAbsoluteAndWeighsPairsLikeTheOthers() {
    try (NDManager m = NDManager.newBaseManager()) {
      // one clip, 3 channels, 1 frame, 2x2 pixels; only the top-left pixel of the red channel is off, by -2
      Shape shape = new Shape(1, 3, 1, 2, 2);
      float[] e = new float[12];
      e[0] = -2;
      NDArray error = m.create(e, shape);
      NDArray even = m.ones(new Shape(1, 1, 1, 2, 2));
      // horizontal pairs per channel and row: red row 0 differs by 2, the other 5 by 0 → 2/6; vertical the same
      assertThat(NeighbourLoss.pixelOutline(error, even).getFloat()).isCloseTo(1f / 3, within(1e-6f));
      // the off pixel weighs 3: its pairs weigh 3 (mean pair weight (3+1)/2 = 2 in each direction) → (3·2/6) / 2
      NDArray heavy = m.create(new float[] {3, 1, 1, 1}, new Shape(1, 1, 1, 2, 2));
      assertThat(NeighbourLoss.pixelOutline(error, heavy).getFloat()).isCloseTo(0.5f, within(1e-6f));
    }
  }
}
