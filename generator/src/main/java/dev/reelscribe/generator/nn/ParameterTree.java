package dev.reelscribe.generator.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parameters of a block tree under the names a PyTorch {@code state_dict} gives them
 * ({@code transformer_blocks.0.attn1.to_q.weight}): DJL prefixes each child's name with its
 * position ({@code 01norm1}); this strips it and joins the path with dots.
 */
public final class ParameterTree {
  private ParameterTree() {}

  /** Every parameter by its dotted name, in block order. */
  public static Map<String, Parameter> parameters(Block root) {
    Map<String, Parameter> out = new LinkedHashMap<>();
    walk(root, "", out);
    return out;
  }

  /** Every parameter's shape by its dotted name, in block order; nothing is allocated. */
  public static Map<String, Shape> shapes(Block root) {
    Map<String, Shape> out = new LinkedHashMap<>();
    parameters(root).forEach((name, p) -> out.put(name, p.getShape()));
    return out;
  }

  /** The number of scalars in every parameter of the tree. */
  public static long count(Block root) {
    long total = 0;
    for (Parameter p : parameters(root).values()) {
      total += p.getShape().size();
    }
    return total;
  }

  private static void walk(Block block, String prefix, Map<String, Parameter> out) {
    for (Pair<String, Parameter> p : block.getDirectParameters()) {
      out.put(prefix + p.getKey(), p.getValue());
    }
    PairList<String, Block> children = block.getChildren();
    for (int i = 0; i < children.size(); i++) {
      String name = stripPosition(children.keyAt(i), i);
      walk(children.valueAt(i), prefix + name + ".", out);
    }
  }

  private static String stripPosition(String name, int index) {
    String position = String.format(Locale.ROOT, "%02d", index + 1);
    return name.startsWith(position) ? name.substring(position.length()) : name;
  }
}
