package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;

/** The activations of the CogVideoX modules. */
public final class Activations {
  private Activations() {}

  private static final double GELU_C = Math.sqrt(2 / Math.PI);

  /** SiLU (swish): {@code x·sigmoid(x)}. */
  public static NDArray silu(NDArray x) {
    return x.mul(ai.djl.nn.Activation.sigmoid(x));
  }

  /** GELU, tanh approximation ({@code gelu-approximate}, {@code GELU(approximate="tanh")}). */
  public static NDArray geluTanh(NDArray x) {
    NDArray inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(GELU_C);   // not pow(3): its backward gives NaN for negative x here
    return x.mul(inner.tanh().add(1)).mul(0.5);
  }

  /** Inverted dropout at {@code rate} in training; the identity otherwise or at rate 0. */
  public static NDArray dropout(NDArray x, float rate, boolean training) {
    return training && rate > 0 ? ai.djl.nn.norm.Dropout.dropout(x, rate, true).head() : x;
  }
}
