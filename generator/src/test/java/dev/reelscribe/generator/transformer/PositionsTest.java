package dev.reelscribe.generator.transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class PositionsTest {

  @Test
  void rotaryChannelsSplitOverTimeHeightAndWidth() {
    Positions.Rotary r = Positions.rotary(3, 4, 5, 64);
    assertThat(r.tokens()).isEqualTo(60);
    // token (t=2, h=1, w=3): channel 0 rotates by t·ω_0 = 2, channel 16 by h = 1, channel 40 by w = 3
    int token = (2 * 4 + 1) * 5 + 3;
    assertThat(r.cos()[token * 64]).isEqualTo((float) Math.cos(2), within(1e-6f));
    assertThat(r.cos()[token * 64 + 1]).isEqualTo((float) Math.cos(2), within(1e-6f));
    assertThat(r.sin()[token * 64 + 16]).isEqualTo((float) Math.sin(1), within(1e-6f));
    assertThat(r.sin()[token * 64 + 40]).isEqualTo((float) Math.sin(3), within(1e-6f));
    // second frequency of the time axis: ω_1 = 10000^(−2/16)
    assertThat(r.sin()[token * 64 + 2]).isEqualTo((float) Math.sin(2 * Math.pow(10000, -2.0 / 16)), within(1e-6f));
  }

  /** The point of RoPE: a query·key score depends only on the offset between the two positions. */
  @Test
  void rotatedScoresDependOnRelativePositionOnly() {
    Positions.Rotary r = Positions.rotary(4, 4, 4, 32);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray q = m.randomNormal(new Shape(1, 32)).repeat(0, 64);
      NDArray k = m.randomNormal(new Shape(1, 32)).repeat(0, 64);
      NDArray cos = m.create(r.cos(), new Shape(64, 32));
      NDArray sin = m.create(r.sin(), new Shape(64, 32));
      float[] qr = Rope.apply(q, cos, sin).toFloatArray();
      float[] kr = Rope.apply(k, cos, sin).toFloatArray();
      // (t,h,w) = (0,0,0)·(1,2,1) and (2,1,1)·(3,3,2): the same offset (1,2,1)
      float a = dot(qr, index(0, 0, 0), kr, index(1, 2, 1));
      float b = dot(qr, index(2, 1, 1), kr, index(3, 3, 2));
      float c = dot(qr, index(2, 1, 1), kr, index(3, 3, 3));
      assertThat(a).isEqualTo(b, within(1e-4f));
      assertThat(Math.abs(a - c)).isGreaterThan(1e-3f);
      // a rotation keeps the norm
      assertThat(dot(qr, 7, qr, 7)).isEqualTo(dot(q.toFloatArray(), 7, q.toFloatArray(), 7), within(1e-3f));
    }
  }

  private static int index(int t, int h, int w) {
    return (t * 4 + h) * 4 + w;
  }

  private static float dot(float[] a, int i, float[] b, int j) {
    float s = 0;
    for (int c = 0; c < 32; c++) {
      s += a[i * 32 + c] * b[j * 32 + c];
    }
    return s;
  }

  @Test
  void sinCosHasTemporalThenXThenYChannels() {
    float[] table = Positions.sinCos(2, 3, 4, 64, 1.875f, 1f);
    int dim = 64;
    int token = (1 * 3 + 2) * 4 + 3;   // t=1, h=2, w=3
    // t part: 16 channels, [sin | cos] of t·ω_i with ω_0 = 1
    assertThat(table[token * dim]).isEqualTo((float) Math.sin(1), within(1e-6f));
    assertThat(table[token * dim + 8]).isEqualTo((float) Math.cos(1), within(1e-6f));
    // x part (24 channels from 16): w / 1.875
    assertThat(table[token * dim + 16]).isEqualTo((float) Math.sin(3 / 1.875), within(1e-6f));
    // y part (24 channels from 40): h / 1.875
    assertThat(table[token * dim + 40]).isEqualTo((float) Math.sin(2 / 1.875), within(1e-6f));
    assertThat(table[token * dim + 52]).isEqualTo((float) Math.cos(2 / 1.875), within(1e-6f));
  }

  @Test
  void theTimestepSinusoidIsCosThenSinWhenFlipped() {
    float[] e = Positions.timestep(new float[] {0f, 500f}, 8, true, 0);
    assertThat(e).startsWith(1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f);
    assertThat(e[8]).isEqualTo((float) Math.cos(500), within(1e-5f));
    assertThat(e[12]).isEqualTo((float) Math.sin(500), within(1e-5f));
    assertThat(e[9]).isEqualTo((float) Math.cos(500 * Math.exp(-Math.log(10000) / 4)), within(1e-5f));
  }
}
