package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.PairList;

/** A linear layer {@code in → out} over the last axis, as {@code torch.nn.Linear}: weight {@code [out, in]}, bias {@code [out]}. */
public final class Dense extends ShapedBlock {
  private final long in;
  private final long out;
  private final Parameter weight;
  private final Parameter bias;

  private Dense(long in, long out, boolean withBias, Initializer weightInit, Initializer biasInit) {
    this.in = in;
    this.out = out;
    weight = parameter("weight", weightInit, out, in);
    bias = withBias ? parameter("bias", biasInit, out) : null;
  }

  /** PyTorch's default initialisation. */
  public static Dense of(long in, long out, boolean bias) {
    return new Dense(in, out, bias, Init.fanIn(out, in), Init.fanIn(out, in));
  }

  /** Xavier-uniform weight, zero bias. */
  public static Dense xavier(long in, long out, boolean bias) {
    return new Dense(in, out, bias, Init.xavier(out, in), Init.ZEROS);
  }

  /** Zero weight and bias: the output is 0 until training moves it (adaLN-Zero). */
  public static Dense zero(long in, long out) {
    return new Dense(in, out, true, Init.ZEROS, Init.ZEROS);
  }

  public long in() {
    return in;
  }

  public long out() {
    return out;
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    NDArray w = value(ps, weight, x, training);
    return bias == null ? Linear.linear(x, w).head() : Linear.linear(x, w, value(ps, bias, x, training)).head();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
