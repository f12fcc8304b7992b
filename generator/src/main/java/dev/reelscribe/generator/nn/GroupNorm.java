package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation of a {@code [B, C, ...]} tensor, as {@code torch.nn.GroupNorm(groups, C, eps)}:
 * each group of {@code C/groups} channels is normalised over its channels and every other axis (for
 * a video, time too), then scaled and shifted per channel.
 */
public final class GroupNorm extends ShapedBlock {
  private final int groups;
  private final long channels;
  private final float eps;
  private final Parameter weight;
  private final Parameter bias;

  public GroupNorm(int groups, long channels, float eps) {
    if (channels % groups != 0) {
      throw new IllegalArgumentException(channels + " channels do not split into " + groups + " groups");
    }
    this.groups = groups;
    this.channels = channels;
    this.eps = eps;
    weight = parameter("weight", Init.ONES, channels);
    bias = parameter("bias", Init.ZEROS, channels);
  }

  public NDArray apply(ParameterStore ps, NDArray x, boolean training) {
    Shape shape = x.getShape();
    NDArray g = x.reshape(shape.get(0), groups, -1);
    NDArray mean = g.mean(new int[] {2}, true);
    NDArray centred = g.sub(mean);
    NDArray var = centred.square().mean(new int[] {2}, true);
    NDArray normed = centred.div(var.add(eps).sqrt()).reshape(shape);
    long[] perChannel = new long[shape.dimension()];
    java.util.Arrays.fill(perChannel, 1);
    perChannel[1] = channels;
    return normed.mul(value(ps, weight, x, training).reshape(perChannel))
        .add(value(ps, bias, x, training).reshape(perChannel));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(apply(ps, inputs.head(), training));
  }
}
