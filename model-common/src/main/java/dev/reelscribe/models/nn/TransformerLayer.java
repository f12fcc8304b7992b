package dev.reelscribe.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;

/**
 * A pre-norm transformer layer: self-attention, optionally cross-attention to a memory, then a
 * GELU feed-forward, each with a residual connection.
 *
 * <p>Inputs: {@code x [B,T,D]}, then for a decoder layer {@code memory [B,M,D]}, then an optional
 * additive self-attention mask (broadcast to {@code [B,H,T,T]}), then for a decoder layer an optional
 * additive memory mask (broadcast to {@code [B,H,T,M]}, e.g. {@code [B,1,1,M]} to hide padding).
 */
public final class TransformerLayer extends AbstractBlock {
  private final int width;
  private final boolean cross;
  private final LayerNorm selfNorm;
  private final Attention self;
  private final LayerNorm crossNorm;
  private final Attention crossAttention;
  private final LayerNorm ffnNorm;
  private final Linear ffnIn;
  private final Linear ffnOut;
  private final Dropout dropout;

  public TransformerLayer(int width, int heads, boolean cross) {
    this(width, heads, cross, 0);
  }

  /**
   * @param dropout dropout rate on each sub-layer's output before its residual sum, in training
   *     only (0: none; the layer then has exactly the blocks of a layer without dropout)
   */
  public TransformerLayer(int width, int heads, boolean cross, float dropout) {
    this.width = width;
    this.cross = cross;
    selfNorm = addChildBlock("self_norm", LayerNorm.builder().axis(2).build());
    self = addChildBlock("self_attention", new Attention(width, heads));
    if (cross) {
      crossNorm = addChildBlock("cross_norm", LayerNorm.builder().axis(2).build());
      crossAttention = addChildBlock("cross_attention", new Attention(width, heads));
    } else {
      crossNorm = null;
      crossAttention = null;
    }
    ffnNorm = addChildBlock("ffn_norm", LayerNorm.builder().axis(2).build());
    ffnIn = addChildBlock("ffn_in", Linear.builder().setUnits(4L * width).build());
    ffnOut = addChildBlock("ffn_out", Linear.builder().setUnits(width).build());
    this.dropout = dropout > 0 ? addChildBlock("dropout", Dropout.builder().optRate(dropout).build()) : null;
  }

  /**
   * Initializes a stack of layers (encoder or decoder) and the norm that closes it, for tokens
   * {@code width} wide.
   */
  public static void initializeStack(List<TransformerLayer> layers, LayerNorm norm, NDManager manager,
      DataType dataType, int width) {
    Shape seq = new Shape(1, 1, width);
    for (TransformerLayer layer : layers) {
      if (layer.cross) {
        layer.initialize(manager, dataType, seq, seq, new Shape(1, 1));
      } else {
        layer.initialize(manager, dataType, seq);
      }
    }
    norm.initialize(manager, dataType, seq);
  }

  private NDArray drop(ParameterStore ps, NDArray x, boolean training) {
    return dropout == null ? x : dropout.forward(ps, new NDList(x), training).head();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.get(0);
    NDArray memory = cross ? inputs.get(1) : null;
    int maskAt = cross ? 2 : 1;
    NDArray mask = inputs.size() > maskAt ? inputs.get(maskAt) : null;
    NDArray memoryMask = cross && inputs.size() > 3 ? inputs.get(3) : null;

    NDArray h = selfNorm.forward(ps, new NDList(x), training).head();
    NDList selfIn = mask == null ? new NDList(h, h) : new NDList(h, h, mask);
    x = x.add(drop(ps, self.forward(ps, selfIn, training).head(), training));
    if (cross) {
      h = crossNorm.forward(ps, new NDList(x), training).head();
      NDList crossIn = memoryMask == null ? new NDList(h, memory) : new NDList(h, memory, memoryMask);
      x = x.add(drop(ps, crossAttention.forward(ps, crossIn, training).head(), training));
    }
    h = ffnNorm.forward(ps, new NDList(x), training).head();
    h = Activation.gelu(ffnIn.forward(ps, new NDList(h), training).head());
    x = x.add(drop(ps, ffnOut.forward(ps, new NDList(h), training).head(), training));
    return new NDList(x);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {inputShapes[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape seq = new Shape(1, 1, width);
    selfNorm.initialize(manager, dataType, seq);
    self.initialize(manager, dataType, seq, seq);
    if (cross) {
      crossNorm.initialize(manager, dataType, seq);
      crossAttention.initialize(manager, dataType, seq, seq);
    }
    ffnNorm.initialize(manager, dataType, seq);
    ffnIn.initialize(manager, dataType, new Shape(1, width));
    ffnOut.initialize(manager, dataType, new Shape(1, 4L * width));
    if (dropout != null) {
      dropout.initialize(manager, dataType, seq);
    }
  }
}
