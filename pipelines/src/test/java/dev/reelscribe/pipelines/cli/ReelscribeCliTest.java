package dev.reelscribe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.pipelines.TestInputs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReelscribeCliTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void helpListsTheCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("extract").contains("Usage: reelscribe");
  }

  @Test
  void everyCommandsHelpKeepsItsDescriptionLinesWhole() {
    ArrayDeque<CommandLine> todo = new ArrayDeque<>();
    todo.add(Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)));
    int commands = 0;
    while (!todo.isEmpty()) {
      CommandLine cl = todo.pop();
      todo.addAll(cl.getSubcommands().values());
      String help = cl.getUsageMessage();
      for (String line : cl.getCommandSpec().usageMessage().description()) {
        assertThat(help).as("help of %s", cl.getCommandName()).contains(line.replace("%n", "").replace("%%", "%").strip());
      }
      commands++;
    }
    assertThat(commands).isGreaterThan(10);
  }

  @Test
  void extractHelpExplainsItsFlags() {
    assertThat(run("extract", "--help")).isZero();
    assertThat(out.toString()).contains("--input", "--output", "--sampling", "uniform:N", "FlinkRunner");
  }

  @Test
  void aMissingInputIsAClearError(@TempDir Path dir) {
    assertThat(run("extract", "--input", dir.resolve("nope").toString(), "--output", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("does not exist");
  }

  @Test
  void aBadSamplingSpecIsAClearError(@TempDir Path dir) {
    int code = run("extract", "--input", TestInputs.video("tree.avi").toString(), "--output", dir.toString(),
        "--sampling", "every:2");
    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("unknown sampling spec 'every:2'");
  }

  @Test
  void extractWritesRecordsAndRunJson(@TempDir Path dir) throws Exception {
    Path in = Files.createDirectory(dir.resolve("in"));
    Files.copy(TestInputs.video("tree.avi"), in.resolve("tree.avi"));
    Files.writeString(in.resolve("notes.mp4"), "not a video");
    Files.writeString(in.resolve("README.md"), "ignored: not a video extension");
    Path output = dir.resolve("out");
    int code = run("extract", "--input", in.toString(), "--output", output.toString(), "--sampling", "per-shot");
    assertThat(code).as(err.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(output.resolve("run.json").toFile());
    assertThat(report.get("state").asText()).isEqualTo("DONE");
    assertThat(report.at("/counts/videos_matched").asLong()).isEqualTo(2);
    assertThat(report.at("/counts/videos_failed").asLong()).isEqualTo(1);
    assertThat(report.at("/counts/frames_sampled").asLong()).isEqualTo(1);
    assertThat(output.resolve("failed")).isDirectory();
    assertThat(out.toString()).contains("DONE").contains("2 videos (1 failed)");
    assertThat(err.toString()).contains("[extract");
  }

  @Test
  void synthWritesClipsScriptsAndTruth(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("synth");
    int code = run("synth", "--count", "4", "--seed", "9", "--output", output.toString(), "--frames", "17");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("synth: 4 clips (68 frames, 128x128 @ 8 fps)");
    assertThat(err.toString()).contains("rendered 4/4 clips");
    assertThat(Files.readAllLines(output.resolve("scripts.jsonl"))).hasSize(4);
    assertThat(Files.readAllLines(output.resolve("truth.jsonl"))).hasSize(4);
    try (var videos = Files.list(output.resolve("videos"))) {
      assertThat(videos.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("sw-9-000000.mp4", "sw-9-000001.mp4", "sw-9-000002.mp4", "sw-9-000003.mp4");
    }
  }

  @Test
  void synthRejectsABadSize(@TempDir Path dir) {
    assertThat(run("synth", "--size", "big", "--output", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--size must look like 128x128");
    assertThat(run("synth", "--size", "8x8", "--output", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("frame size must be 32..4096");
  }

  @Test
  void extractWithoutInputRunsOnRenderedSynthworldClips(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("extract");
    int code = run("extract", "--output", output.toString(), "--no-clips");
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).contains("no --input given; rendering 24 synthworld clips");
    assertThat(Files.readAllLines(dir.resolve("extract-synthworld-input/scripts.jsonl"))).hasSize(24);
    JsonNode report = new ObjectMapper().readTree(output.resolve("run.json").toFile());
    assertThat(report.at("/counts/videos_matched").asLong()).isEqualTo(24);
    assertThat(report.at("/counts/videos_failed").asLong()).isZero();
    assertThat(report.at("/counts/clips").asLong()).isGreaterThan(24);
  }
}
