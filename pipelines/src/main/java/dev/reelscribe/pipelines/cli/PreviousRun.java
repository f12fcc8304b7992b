package dev.reelscribe.pipelines.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.pipelines.io.LocalCopy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.FileSystems;

/**
 * The {@code run.json} of the last committed run in an output directory: what a rerun compares its
 * settings with to decide what it may reuse.
 */
final class PreviousRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode config;

  private PreviousRun(JsonNode config) {
    this.config = config;
  }

  /** The last committed run under {@code root}; {@link #exists()} is false when there is none. */
  static PreviousRun read(String root) throws IOException {
    String path = root + "/run.json";
    if (!LocalCopy.exists(path)) {
      return new PreviousRun(null);
    }
    try (InputStream in = Channels.newInputStream(FileSystems.open(FileSystems.matchNewResource(path, false)))) {
      JsonNode report = JSON.readTree(in);
      return new PreviousRun(report.path("state").asText().equals("DONE") ? report.get("config") : null);
    }
  }

  boolean exists() {
    return config != null;
  }

  /** The extraction settings that differ from {@code current} (empty when the run can reuse extraction). */
  List<String> extractionDifferences(Map<String, Object> current) {
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, Object> e : current.entrySet()) {
      JsonNode was = config.get(e.getKey());
      JsonNode now = JSON.valueToTree(e.getValue());
      if (was == null || !numericallyEqual(was, now)) {
        differ.add(e.getKey() + " " + (was == null ? "(unset)" : was) + " -> " + now);
      }
    }
    return differ;
  }

  /** Whether the last run wrote the CogVideoX layout with the same constraints as {@code corpus} asks. */
  boolean sameCogVideoXLayout(Map<String, Object> corpus) {
    JsonNode was = config.path("corpus");
    boolean wrote = false;
    for (JsonNode f : was.path("formats")) {
      wrote |= f.asText().equals("cogvideox");
    }
    return wrote && numericallyEqual(was.path("cogvideox"), JSON.valueToTree(corpus.get("cogvideox")));
  }

  private static boolean numericallyEqual(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      var names = a.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        if (!b.has(n) || !numericallyEqual(a.get(n), b.get(n))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }
}
