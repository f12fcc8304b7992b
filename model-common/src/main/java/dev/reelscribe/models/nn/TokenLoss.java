package dev.reelscribe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/** The training loss of the built-in text decoders. */
public final class TokenLoss {
  private TokenLoss() {}

  /**
   * Mean cross-entropy of next-token logits {@code [B,T,V]} against target ids {@code [B,T]}, over
   * the positions whose target is not PAD.
   */
  public static NDArray crossEntropy(NDArray logits, NDArray target) {
    int v = (int) logits.getShape().get(2);
    NDArray picked = logits.logSoftmax(-1).mul(target.oneHot(v).toType(DataType.FLOAT32, false)).sum(new int[] {-1});
    NDArray mask = target.neq(Decoding.PAD).toType(DataType.FLOAT32, false);
    return picked.mul(mask).sum().neg().div(mask.sum());
  }
}
