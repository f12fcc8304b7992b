package dev.reelscribe.generator.transformer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.reelscribe.generator.config.TransformerConfig;
import dev.reelscribe.generator.nn.ShapedBlock;

/**
 * One CogVideoX transformer block:
 *
 * <pre>
 * v', t', g_v, g_t = norm1(v, t, temb)                 expert adaLN
 * a_t, a_v = attn1([t' ; v'])                          full 3D attention, RoPE on video q/k
 * v += g_v·a_v ; t += g_t·a_t
 * v', t', g_v, g_t = norm2(v, t, temb)
 * f = ff([t' ; v'])                                    one feed-forward over the concatenation
 * v += g_v·f_v ; t += g_t·f_t
 * </pre>
 */
final class CogVideoXBlock extends ShapedBlock {
  private final ExpertNormZero norm1;
  private final JointAttention attn1;
  private final ExpertNormZero norm2;
  private final FeedForward ff;

  CogVideoXBlock(TransformerConfig c) {
    long width = c.innerDim();
    norm1 = addChildBlock("norm1", new ExpertNormZero(c.timeEmbedDim(), width, c.normEps(), c.normElementwiseAffine()));
    attn1 = addChildBlock("attn1", new JointAttention(c.numAttentionHeads(), c.attentionHeadDim(), c.attentionBias(), c.dropout()));
    norm2 = addChildBlock("norm2", new ExpertNormZero(c.timeEmbedDim(), width, c.normEps(), c.normElementwiseAffine()));
    ff = addChildBlock("ff", new FeedForward(width, c.dropout()));
  }

  /** Returns {@code [video, text]}. */
  NDList apply(ParameterStore ps, NDArray video, NDArray text, NDArray temb, NDList rope, boolean training) {
    ExpertNormZero.Modulated m = norm1.apply(ps, video, text, temb, training);
    NDList attended = attn1.apply(ps, m.text(), m.video(), rope, training);
    text = text.add(m.textGate().mul(attended.get(0)));
    video = video.add(m.videoGate().mul(attended.get(1)));
    m = norm2.apply(ps, video, text, temb, training);
    long l = text.getShape().get(1);
    NDList fed = ff.apply(ps, m.text().concat(m.video(), 1), training).split(new long[] {l}, 1);
    text = text.add(m.textGate().mul(fed.get(0)));
    video = video.add(m.videoGate().mul(fed.get(1)));
    return new NDList(video, text);
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList rope = inputs.size() > 4 ? new NDList(inputs.get(3), inputs.get(4)) : null;
    return apply(ps, inputs.get(0), inputs.get(1), inputs.get(2), rope, training);
  }
}
