package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class MotionLossTest {
  /** One clip, 3 latent frames, 1 channel, 1x4 cells: an object at x = t moving right one cell a frame. */
  private static float[] moving(int frames) {
    float[] v = new float[frames * 4];
    for (int t = 0; t < frames; t++) {
      v[t * 4 + t] = 1f;
    }
    return v;
  }

  /** The motion loss of a prediction against the moving object, every cell weighted 1. */
  private static float againstMoving(java.util.function.Function<NDArray, NDArray> predict) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray target = m.create(moving(3), new Shape(1, 3, 1, 1, 4));
      NDArray weights = m.ones(new Shape(1, 3, 1, 1, 4));
      return MotionLoss.of(predict.apply(target).sub(target), weights).getFloat();
    }
  }

  @Test
  void anErrorThatIsTheSameInEveryFrameCostsNothing() {
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
      assertThat(MotionLoss.of(error, weights).getFloat()).isCloseTo(0.8f, within(1e-6f));
    }
  }
}
