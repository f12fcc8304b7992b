package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An ordered list of blocks named {@code 0, 1, 2, …}, as {@code torch.nn.ModuleList}; the owner runs
 * them (their inputs differ), this only holds and names them.
 *
 * @param <B> the kind of block held
 */
public final class Layers<B extends Block> extends ShapedBlock {
  private final List<B> layers = new ArrayList<>();

  /** Adds a block named by its position. */
  public B add(B block) {
    return add(Integer.toString(layers.size()), block);
  }

  /**
   * Adds a block under an explicit name: a PyTorch {@code Sequential} numbers its parameter-free
   * modules too ({@code ff.net.0}, dropout at 1, {@code ff.net.2}).
   */
  public B add(String name, B block) {
    layers.add(addChildBlock(name, block));
    return block;
  }

  public List<B> all() {
    return Collections.unmodifiableList(layers);
  }

  public B get(int i) {
    return layers.get(i);
  }

  public int size() {
    return layers.size();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    throw new UnsupportedOperationException("Layers is run by its owner");
  }
}
