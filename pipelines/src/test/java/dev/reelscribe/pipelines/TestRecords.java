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
}
