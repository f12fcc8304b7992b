package dev.reelscribe.pipelines;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads the JSONL records a job wrote under a directory. */
public final class TestRecords {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TestRecords() {}

  /** Every line of every {@code .jsonl} file in {@code dir}, sorted; empty if there is no such directory. */
  public static Set<String> lines(Path dir) throws IOException {
    Set<String> out = new TreeSet<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(x -> x.toString().endsWith(".jsonl")).toList()) {
        out.addAll(Files.readAllLines(f));
      }
    }
    return out;
  }

  /** The records of {@link #lines}, parsed. */
  public static List<JsonNode> records(Path dir) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : lines(dir)) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  /**
   * Where two lists of JSON lines differ, field by field (for assertion messages: a corpus record is
   * too long to compare by eye).
   */
  public static String differences(List<String> actual, List<String> expected) {
    StringBuilder out = new StringBuilder();
    if (actual.size() != expected.size()) {
      out.append("sizes ").append(actual.size()).append(" vs ").append(expected.size()).append('\n');
    }
    try {
      for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
        diff(JSON.readTree(actual.get(i)), JSON.readTree(expected.get(i)), "[" + i + "]", out);
      }
    } catch (IOException e) {
      out.append(e);
    }
    if (out.isEmpty() && !actual.equals(expected)) {
      out.append("the same fields and values, in another order or form");
    }
    return out.toString();
  }

  private static void diff(JsonNode a, JsonNode b, String path, StringBuilder out) {
    if (a.isObject() && b.isObject()) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        diff(a.path(n), b.path(n), path + "/" + n, out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(a.get(i), b.get(i), path + "/" + i, out);
      }
    } else if (!a.equals(b)) {
      out.append(path).append(": ").append(a).append(" vs ").append(b).append('\n');
    }
  }
}
