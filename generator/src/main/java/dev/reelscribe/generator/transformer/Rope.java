package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;

/**
 * Applies rotary position embeddings: {@code x·cos + rot(x)·sin} with {@code rot(x)_{2j} = −x_{2j+1}}
 * and {@code rot(x)_{2j+1} = x_{2j}}, each channel pair rotated by its angle.
 */
public final class Rope {
  private Rope() {}

  /**
   * @param x {@code [..., N, d]}
   * @param cos {@code [N, d]}
   * @param sin {@code [N, d]}
   */
  public static NDArray apply(NDArray x, NDArray cos, NDArray sin) {
    Shape shape = x.getShape();
    long d = shape.get(shape.dimension() - 1);
    long[] pairs = new long[shape.dimension() + 1];
    for (int i = 0; i < shape.dimension() - 1; i++) {
      pairs[i] = shape.get(i);
    }
    pairs[shape.dimension() - 1] = d / 2;
    pairs[shape.dimension()] = 2;
    int last = pairs.length - 1;
    NDList halves = x.reshape(pairs).split(2, last);
    NDArray real = halves.get(0);
    NDArray imag = halves.get(1);
    NDArray rotated = imag.neg().concat(real, last).reshape(shape);
    return x.mul(cos).add(rotated.mul(sin));
  }
}
