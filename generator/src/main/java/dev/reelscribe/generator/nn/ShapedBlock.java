package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * A block whose parameters have their shapes from the start, fixed by the configuration rather
 * than inferred from a first input. So the whole model's parameter names, shapes and count are known
 * without allocating a weight ({@link ParameterTree}), which is how the 1.69 B parameters of
 * CogVideoX-2B are checked on a laptop, and each parameter carries its own initialiser (zero for the
 * adaptive-norm projections, as adaLN-Zero wants).
 *
 * <p>Children are named as diffusers names the module ({@code norm1}, {@code attn1}, {@code to_q}),
 * parameters {@code weight} and {@code bias}, so {@link ParameterTree#names} gives a checkpoint's keys.
 */
public abstract class ShapedBlock extends AbstractBlock {

  /** Adds a parameter with a fixed shape and initialiser. */
  protected final Parameter parameter(String name, Initializer initializer, long... shape) {
    Parameter.Type type = name.equals("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT;
    return addParameter(Parameter.builder().setName(name).setType(type).optShape(new Shape(shape))
        .optInitializer(initializer).build());
  }

  /** The parameter's value for this forward pass (with its gradient in training). */
  protected static NDArray value(ParameterStore ps, Parameter p, NDArray like, boolean training) {
    return ps.getValue(p, like.getDevice(), training);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    for (Block child : children.values()) {
      child.initialize(manager, dataType);
    }
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " has fixed shapes; run it to see its output");
  }
}
