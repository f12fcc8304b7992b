package dev.reelscribe.generator.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.ConstantInitializer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.UniformInitializer;

/** The initialisers of the generator's parameters. */
public final class Init {
  private Init() {}

  public static final Initializer ZEROS = new ConstantInitializer(0f);
  public static final Initializer ONES = new ConstantInitializer(1f);

  /**
   * PyTorch's default for linear and convolution weights and biases: uniform in
   * {@code ±1/sqrt(fan_in)}, where fan-in is the product of every dimension after the first.
   */
  public static Initializer fanIn(long... shape) {
    long fanIn = new Shape(shape).slice(1).size();
    return new UniformInitializer((float) (1 / Math.sqrt(Math.max(1, fanIn))));
  }

  /** Xavier (Glorot) uniform: {@code ±sqrt(6/(fan_in+fan_out))}, what DiT and SAT use for linear layers. */
  public static Initializer xavier(long out, long in) {
    return new UniformInitializer((float) Math.sqrt(6.0 / (in + out)));
  }
}
