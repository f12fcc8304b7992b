package dev.reelscribe.pipelines.extract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.pipelines.TestInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same job on the DirectRunner and on an embedded Flink gives the same clips and frames. */
class DirectAndFlinkAgreeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void sameClipsFramesAndFailures() throws Exception {
    Path inputs = Files.createDirectory(dir.resolve("in"));
    Files.copy(TestInputs.video("Megamind.avi"), inputs.resolve("Megamind.avi"));
    Files.copy(TestInputs.video("tree.avi"), inputs.resolve("tree.avi"));
    Files.write(inputs.resolve("empty.mp4"), new byte[0]);

    Path direct = run(inputs, dir.resolve("direct"), "--runner=DirectRunner");
    Path flink = run(inputs, dir.resolve("flink"), "--runner=FlinkRunner", "--flinkMaster=[local]",
        "--parallelism=2");

    for (String records : List.of("records/sources", "records/clips", "records/rejected", "records/frames", "failed")) {
      assertThat(lines(flink.resolve(records))).as(records).isEqualTo(lines(direct.resolve(records)));
    }
    assertThat(lines(direct.resolve("records/clips"))).hasSize(5);
    assertThat(lines(direct.resolve("records/frames"))).hasSize(40);
    assertThat(lines(direct.resolve("failed"))).singleElement().asString().contains("EMPTY_FILE");
    assertThat(fileNames(flink.resolve("clips"))).isEqualTo(fileNames(direct.resolve("clips"))).hasSize(5);
  }

  private static Path run(Path input, Path output, String... runnerFlags) throws IOException {
    List<String> args = new ArrayList<>(List.of(runnerFlags));
    args.add("--input=" + input);
    args.add("--output=" + output);
    ExtractOptions options = PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ExtractOptions.class);
    Pipeline p = Pipeline.create(options);
    ExtractPipeline.applyTransforms(p, options);
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
    return output;
  }

  /** Every JSONL record under a directory, normalised: output paths removed, sorted. */
  private static Set<String> lines(Path recordsDir) throws IOException {
    Set<String> out = new TreeSet<>();
    if (!Files.isDirectory(recordsDir)) {
      return out;
    }
    try (Stream<Path> files = Files.list(recordsDir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        for (String line : Files.readAllLines(f)) {
          JsonNode node = JSON.readTree(line);
          if (node.has("clipUri") && !node.get("clipUri").isNull()) {
            String uri = node.get("clipUri").asText();
            ((ObjectNode) node).put("clipUri", uri.substring(uri.lastIndexOf('/') + 1));
          }
          out.add(JSON.writeValueAsString(node));
        }
      }
    }
    return out;
  }

  private static Set<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return new TreeSet<>(files.map(p -> p.getFileName().toString()).toList());
    }
  }
}
