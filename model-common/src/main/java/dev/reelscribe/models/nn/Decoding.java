package dev.reelscribe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Autoregressive decoding for the built-in text decoders: greedy search over a step function that
 * maps token prefixes {@code [B,T]} to next-token logits {@code [B,T,V]}, the causal mask, and the
 * conversions between Java token rows and arrays. Token ids follow the vocabularies' convention:
 * PAD 0, BOS 1, EOS 2.
 */
public final class Decoding {
  public static final int PAD = 0;
  public static final int BOS = 1;
  public static final int EOS = 2;
  private static final float MASKED = -1e9f;

  /** Next-token logits {@code [B,T,V]} for prefixes {@code [B,T]}. */
  @FunctionalInterface
  public interface Step {
    NDArray logits(NDArray prefixes);
  }

  private Decoding() {}

  /**
   * Greedy decoding of {@code batch} sequences of at most {@code maxTokens}; stops when every
   * sequence has produced EOS. Returns ids {@code [B,maxTokens]}, PAD after each EOS. Each step's
   * prefixes live in a sub-manager that is closed after the step: a step function that keeps its
   * intermediate arrays on the prefixes' manager (and {@code tempAttach}es what it reuses) frees them
   * step by step instead of holding every step's activations until decoding ends.
   */
  public static NDArray greedy(NDManager manager, int batch, int maxTokens, Step step) {
    return search(manager, batch, maxTokens, step, null);
  }

  /**
   * {@link #greedy} that also returns how sure the decoder was of each token it chose: {@code
   * NDList(ids [B,maxTokens] long, probabilities [B,maxTokens] float)}, the probability being the
   * chosen token's softmax share of its step (0 after EOS). Tokens are the same as {@link #greedy}'s.
   */
  public static NDList greedyWithProbabilities(NDManager manager, int batch, int maxTokens, Step step) {
    float[][] probabilities = new float[batch][maxTokens];
    NDArray ids = search(manager, batch, maxTokens, step, probabilities);
    float[] flat = new float[batch * maxTokens];
    for (int i = 0; i < batch; i++) {
      System.arraycopy(probabilities[i], 0, flat, i * maxTokens, maxTokens);
    }
    return new NDList(ids, manager.create(flat, new Shape(batch, maxTokens)));
  }

  private static NDArray search(NDManager manager, int batch, int maxTokens, Step step, float[][] probabilities) {
    long[][] out = new long[batch][maxTokens + 1];
    boolean[] done = new boolean[batch];
    for (long[] row : out) {
      row[0] = BOS;
    }
    for (int t = 1; t <= maxTokens; t++) {
      long[] next;
      float[] sure = null;
      try (NDManager stepManager = manager.newSubManager()) {
        NDArray last = step.logits(prefix(stepManager, out, t)).get(new NDIndex(":, -1, :"));
        next = last.argMax(-1).toLongArray();
        if (probabilities != null) {
          sure = last.softmax(-1).max(new int[] {-1}).toFloatArray();
        }
      }
      boolean all = true;
      for (int i = 0; i < batch; i++) {
        out[i][t] = done[i] ? PAD : next[i];
        if (sure != null && !done[i]) {
          probabilities[i][t - 1] = sure[i];
        }
        done[i] |= next[i] == EOS;
        all &= done[i];
      }
      if (all) {
        break;
      }
    }
    return result(manager, out);
  }

  /** A {@code [t,t]} additive mask that hides later positions from earlier ones. */
  public static NDArray causalMask(NDManager manager, int t) {
    float[] m = new float[t * t];
    for (int i = 0; i < t; i++) {
      for (int j = i + 1; j < t; j++) {
        m[i * t + j] = MASKED;
      }
    }
    return manager.create(m, new Shape(t, t));
  }

  /** The first {@code length} tokens of each row, as {@code [rows,length]}. */
  public static NDArray prefix(NDManager manager, long[][] seqs, int length) {
    long[] flat = new long[seqs.length * length];
    for (int i = 0; i < seqs.length; i++) {
      System.arraycopy(seqs[i], 0, flat, i * length, length);
    }
    return manager.create(flat, new Shape(seqs.length, length));
  }

  /** Rows without their leading BOS, as {@code [rows,length-1]}. */
  public static NDArray result(NDManager manager, long[][] seqs) {
    int n = seqs.length;
    int t = seqs[0].length - 1;
    long[] flat = new long[n * t];
    for (int i = 0; i < n; i++) {
      System.arraycopy(seqs[i], 1, flat, i * t, t);
    }
    return manager.create(flat, new Shape(n, t));
  }
}
