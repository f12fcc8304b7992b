package dev.reelscribe.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Saves and loads a block's parameters as {@code .safetensors} under their PyTorch state-dict names
 * ({@link ParameterTree}), the file diffusers keeps a model's weights in, so a converted
 * checkpoint's tensors map by name.
 */
public final class Weights {
  private Weights() {}

  /** Writes every parameter (F32) to {@code file}, atomically. */
  public static void save(Block block, Path file) throws IOException {
    Map<String, NDArray> named = new LinkedHashMap<>();
    ParameterTree.parameters(block).forEach((name, p) -> named.put(name, p.getArray()));
    write(named, file);
  }

  /** Writes named tensors (copies, so the arrays keep their names) to a {@code .safetensors} file, atomically. */
  public static void write(Map<String, NDArray> tensors, Path file) throws IOException {
    NDList list = new NDList();
    for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
      NDArray copy = e.getValue().duplicate();
      copy.setName(e.getKey());
      list.add(copy);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(temp)) {
      list.encode(out, NDList.Encoding.SAFETENSORS);
    } finally {
      list.close();
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The tensors of a {@code .safetensors} file by name, in {@code manager}. */
  public static Map<String, NDArray> read(NDManager manager, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Map<String, NDArray> byName = new LinkedHashMap<>();
      for (NDArray a : NDList.decode(manager, in)) {
        byName.put(a.getName(), a);
      }
      return byName;
    }
  }

  /**
   * Copies the tensors of {@code file} into an initialised block's parameters; every parameter must
   * be present with its shape, and the file may hold nothing else.
   */
  public static void load(Block block, Path file) throws IOException {
    Map<String, Parameter> params = ParameterTree.parameters(block);
    try (NDManager m = NDManager.newBaseManager()) {
      Map<String, NDArray> byName = read(m, file);
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, Parameter> e : params.entrySet()) {
        NDArray a = byName.get(e.getKey());
        if (a == null) {
          problems.add("missing " + e.getKey());
        } else if (!a.getShape().equals(e.getValue().getShape())) {
          problems.add(e.getKey() + " is " + a.getShape() + ", the model wants " + e.getValue().getShape());
        }
      }
      TreeSet<String> extra = new TreeSet<>(byName.keySet());
      extra.removeAll(params.keySet());
      extra.forEach(k -> problems.add("unexpected " + k));
      if (!problems.isEmpty()) {
        throw new IOException(file + " does not fit the model: " + String.join("; ",
            problems.subList(0, Math.min(8, problems.size()))) + (problems.size() > 8 ? "; …" : ""));
      }
      for (Map.Entry<String, Parameter> e : params.entrySet()) {
        e.getValue().getArray().set(byName.get(e.getKey()).toType(ai.djl.ndarray.types.DataType.FLOAT32, false)
            .toFloatArray());
      }
    }
  }
}
