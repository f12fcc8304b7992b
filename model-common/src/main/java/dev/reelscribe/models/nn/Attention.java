package dev.reelscribe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention. Inputs: queries {@code [B,T,D]}, keys/values {@code
 * [B,M,D]} and optionally an additive mask that broadcasts to {@code [B,H,T,M]} ({@code [T,M]}, or
 * {@code [B,1,1,M]} for padding; 0 where allowed, a large negative number where not). Output {@code [B,T,D]}.
 */
public final class Attention extends AbstractBlock {
  private final int width;
  private final int heads;
  private final Linear query;
  private final Linear key;
  private final Linear value;
  private final Linear out;

  public Attention(int width, int heads) {
    this.width = width;
    this.heads = heads;
    query = addChildBlock("query", Linear.builder().setUnits(width).build());
    key = addChildBlock("key", Linear.builder().setUnits(width).build());
    value = addChildBlock("value", Linear.builder().setUnits(width).build());
    out = addChildBlock("out", Linear.builder().setUnits(width).build());
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray memory = inputs.get(1);
    NDArray mask = inputs.size() > 2 ? inputs.get(2) : null;
    long b = x.getShape().get(0);
    long t = x.getShape().get(1);
    long m = memory.getShape().get(1);
    int dh = width / heads;
    NDArray q = split(query.forward(ps, new NDList(x), training).head(), b, t, dh);
    NDArray k = split(key.forward(ps, new NDList(memory), training).head(), b, m, dh);
    NDArray v = split(value.forward(ps, new NDList(memory), training).head(), b, m, dh);
    NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(dh));
    if (mask != null) {
      scores = scores.add(mask);
    }
    NDArray mixed = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(b, t, width);
    return out.forward(ps, new NDList(mixed), training);
  }

  private NDArray split(NDArray a, long b, long n, int dh) {
    return a.reshape(b, n, heads, dh).transpose(0, 2, 1, 3);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = new Shape(1, width);
    query.initialize(manager, dataType, in);
    key.initialize(manager, dataType, in);
    value.initialize(manager, dataType, in);
    out.initialize(manager, dataType, in);
  }
}
