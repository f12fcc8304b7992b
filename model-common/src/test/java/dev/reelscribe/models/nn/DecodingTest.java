package dev.reelscribe.models.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class DecodingTest {
  /**
   * A step function over a 5-token vocabulary whose next-token logits depend only on the position:
   * row 0 says 3 then 4 then EOS, row 1 says 4 then EOS; the chosen token's softmax share is set
   * by how far its logit stands above the others.
   */
  private static NDArray logits(NDArray prefixes) {
    long rows = prefixes.getShape().get(0);
    int t = (int) prefixes.getShape().get(1);
    float[] out = new float[(int) rows * t * 5];
    for (int r = 0; r < rows; r++) {
      for (int i = 0; i < t; i++) {
        int[] script = r == 0 ? new int[] {3, 4, Decoding.EOS} : new int[] {4, Decoding.EOS};
        int chosen = i < script.length ? script[i] : Decoding.EOS;
        float lead = r == 0 && i == 0 ? 0.5f : 6f;
        out[(r * t + i) * 5 + chosen] = lead;
      }
    }
    return prefixes.getManager().create(out, new Shape(rows, t, 5));
  }

  @Test
  void greedyWithProbabilitiesChoosesTheSameTokensAsGreedyAndSaysHowSureEachWas() {
    try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
      long[] plain = Decoding.greedy(manager, 2, 6, DecodingTest::logits).toLongArray();
      NDList scored = Decoding.greedyWithProbabilities(manager, 2, 6, DecodingTest::logits);

      assertThat(scored.get(0).toLongArray()).containsExactly(plain);
      assertThat(plain).containsExactly(3, 4, 2, 0, 0, 0, 4, 2, 0, 0, 0, 0);
      float[] p = scored.get(1).toFloatArray();
      assertThat(scored.get(1).getShape()).isEqualTo(new Shape(2, 6));
      // a lead of 0.5 over four equal logits: e^0.5 / (e^0.5 + 4)
      assertThat(p[0]).isCloseTo((float) (Math.exp(0.5) / (Math.exp(0.5) + 4)), within(1e-5f));
      assertThat(p[1]).isCloseTo((float) (Math.exp(6) / (Math.exp(6) + 4)), within(1e-5f));
      assertThat(p[3]).isZero(); // after EOS
      assertThat(p[6]).isGreaterThan(0.98f);
      assertThat(p[8]).isZero();
    }
  }
}
