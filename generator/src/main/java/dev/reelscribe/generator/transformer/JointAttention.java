package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.nn.Activations;
import dev.reelscribe.generator.nn.Dense;
import dev.reelscribe.generator.nn.Layers;
import dev.reelscribe.generator.nn.Norm;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * CogVideoX's attention ({@code Attention} with {@code CogVideoXAttnProcessor2_0}): full bidirectional
 * self-attention over one sequence {@code [text ; video]} — no separate spatial and temporal
 * attention — with LayerNorm on each head's queries and keys (qk-LayerNorm, eps 1e-6) and, when
 * given, 3D RoPE on the video tokens' queries and keys only.
 */
final class JointAttention extends ShapedBlock {
  private final int heads;
  private final int headDim;
  private final Dense toQ;
  private final Dense toK;
  private final Dense toV;
  private final Norm normQ;
  private final Norm normK;
  private final Dense toOut;
  private final float dropout;

  JointAttention(int heads, int headDim, boolean bias, float dropout) {
    this.dropout = dropout;
    this.heads = heads;
    this.headDim = headDim;
    long width = (long) heads * headDim;
    normQ = addChildBlock("norm_q", new Norm(headDim, 1e-6f, true));
    normK = addChildBlock("norm_k", new Norm(headDim, 1e-6f, true));
    toQ = addChildBlock("to_q", Dense.xavier(width, width, bias));
    toK = addChildBlock("to_k", Dense.xavier(width, width, bias));
    toV = addChildBlock("to_v", Dense.xavier(width, width, bias));
    Layers<Dense> out = addChildBlock("to_out", new Layers<>());
    toOut = out.add(Dense.xavier(width, width, true));
  }

  /**
   * Attends over {@code [text ; video]}; returns the attended text and video tokens.
   *
   * @param rope {@code [cos, sin]}, each {@code [N_video, headDim]}, or null for none
   */
  NDList apply(ParameterStore ps, NDArray text, NDArray video, NDList rope, boolean training) {
    long b = video.getShape().get(0);
    long l = text.getShape().get(1);
    long n = video.getShape().get(1);
    NDArray seq = text.concat(video, 1);
    NDArray q = normQ.apply(ps, split(toQ.apply(ps, seq, training), b, l + n), training);
    NDArray k = normK.apply(ps, split(toK.apply(ps, seq, training), b, l + n), training);
    NDArray v = split(toV.apply(ps, seq, training), b, l + n);
    if (rope != null) {
      q = rotateVideo(q, l, rope);
      k = rotateVideo(k, l, rope);
    }
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(headDim));
    NDArray mixed = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, l + n, (long) heads * headDim);
    NDArray out = Activations.dropout(toOut.apply(ps, mixed, training), dropout, training);
    NDList parts = out.split(new long[] {l}, 1);
    return new NDList(parts.get(0), parts.get(1));
  }

  private NDArray split(NDArray x, long b, long tokens) {
    return x.reshape(b, tokens, heads, headDim).transpose(0, 2, 1, 3);
  }

  private static NDArray rotateVideo(NDArray x, long textLength, NDList rope) {
    NDList parts = x.split(new long[] {textLength}, 2);
    return parts.get(0).concat(Rope.apply(parts.get(1), rope.get(0), rope.get(1)), 2);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList rope = inputs.size() > 3 ? new NDList(inputs.get(2), inputs.get(3)) : null;
    return apply(ps, inputs.get(0), inputs.get(1), rope, training);
  }
}
