package dev.reelscribe.pipelines.cli;

import static dev.reelscribe.pipelines.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.fuser.builtin.FuserModel;
import dev.reelscribe.pipelines.TestRecords;
import dev.reelscribe.pipelines.io.RunOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reruns into the same output: a rerun decodes and captions only what is missing, a changed fuser
 * re-fuses and keeps the frame captions, a video that failed is retried; a run killed mid-way
 * publishes nothing, and its rerun makes the corpus an uninterrupted run makes, without duplicates.
 */
class ResumeCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  static Path videos;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeAll
  static void renderClips() {
    StringWriter sink = new StringWriter();
    int code = Reelscribe.commandLine(new PrintWriter(sink), new PrintWriter(sink))
        .execute("synth", "--count", "6", "--seed", "21", "--output", shared.resolve("synth").toString());
    assertThat(code).as(sink.toString()).isZero();
    videos = shared.resolve("synth/videos");
  }

  private static List<String> caption(Path input, Path output, String... more) {
    List<String> args = new ArrayList<>(List.of("caption", "--input", input.toString(), "--output", output.toString(),
        "--filter", "none", "--cogvideox-frames", "17", "--shard-size", "1"));
    args.addAll(List.of(more));
    return args;
  }

  private int run(List<String> args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args.toArray(String[]::new));
  }

  private static JsonNode report(Path output) throws IOException {
    return JSON.readTree(output.resolve("run.json").toFile());
  }

  private static long count(JsonNode report, String counter) {
    JsonNode n = report.at("/counts/" + counter);
    return n.isMissingNode() ? report.at("/captionCounts/" + counter).asLong() : n.asLong();
  }

  @Test
  void aRerunDoesOnlyTheMissingWork(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("in");
    Files.createDirectories(input);
    try (Stream<Path> files = Files.list(videos)) {
      for (Path f : files.sorted().limit(3).toList()) {
        Files.copy(f, input.resolve(f.getFileName()));
      }
    }
    Path late = input.resolve("late.mp4");
    Files.createFile(late); // empty: fails now, fixed before the rerun
    Path output = dir.resolve("out");

    assertThat(run(caption(input, output))).as(err.toString()).isZero();
    JsonNode first = report(output);
    assertThat(records(output.resolve("failed"))).anyMatch(f -> f.get("inputUri").asText().endsWith("late.mp4"));
    long firstFrames = count(first, "frames_captioned");
    long firstFused = count(first, "clips_fused");
    assertThat(firstFrames).isPositive();

    // the rerun: the three videos are carried over, the fixed one is extracted, captioned and fused
    try (Stream<Path> files = Files.list(videos)) {
      Files.copy(files.sorted().findFirst().orElseThrow(), late, StandardCopyOption.REPLACE_EXISTING);
    }
    assertThat(run(caption(input, output))).as(err.toString()).isZero();
    assertThat(err.toString()).contains("reusing the last run in");
    JsonNode second = report(output);
    assertThat(count(second, "videos_matched")).isEqualTo(4);
    assertThat(count(second, "videos_reused")).isEqualTo(3);
    assertThat(count(second, "frames_caption_reused")).isEqualTo(firstFrames);
    assertThat(count(second, "frames_captioned")).as("the fixed video's frames").isPositive();
    assertThat(count(second, "clips_fusion_reused")).isEqualTo(firstFused);
    assertThat(count(second, "clips_fused")).as("the fixed video's clips").isPositive();
    assertThat(records(output.resolve("failed"))).noneMatch(f -> f.get("inputUri").asText().endsWith("late.mp4"));
    List<JsonNode> dense = records(output.resolve("records/dense-captions"));
    assertThat(records(output.resolve("records/clips")).stream().map(c -> c.get("sourceUri").asText()))
        .anyMatch(u -> u.endsWith("late.mp4"));
    assertThat(countLines(output.resolve("corpus"))).isEqualTo(dense.size());

    // another fuser (the same weights as a local directory): every clip is fused again, no frame is captioned again
    Path fuserDir = FuserModel.unpackEmbedded();
    assertThat(run(caption(input, output, "--fuser-model", fuserDir.toString()))).as(err.toString()).isZero();
    JsonNode third = report(output);
    assertThat(count(third, "videos_reused")).isEqualTo(4);
    assertThat(count(third, "frames_caption_reused")).isEqualTo(firstFrames + count(second, "frames_captioned"));
    assertThat(count(third, "frames_captioned")).isZero();
    assertThat(count(third, "clips_fusion_reused")).isZero();
    List<JsonNode> refused = records(output.resolve("records/dense-captions"));
    assertThat(refused).hasSameSizeAs(dense).allSatisfy(d -> assertThat(d.at("/model/backend").asText()).isEqualTo("local"));
    assertThat(refused.stream().map(d -> d.get("text").asText()).sorted().toList())
        .as("the same weights say the same").isEqualTo(dense.stream().map(d -> d.get("text").asText()).sorted().toList());
  }

  @Test
  void aKilledRunPublishesNothingAndItsRerunMakesTheUninterruptedCorpus(@TempDir Path dir) throws Exception {
    Path clean = dir.resolve("clean");
    assertThat(run(caption(videos, clean))).as(err.toString()).isZero();

    Path killed = dir.resolve("killed");
    Process process = startCaption(caption(videos, killed), dir.resolve("killed.log"));
    try {
      // once it has published a clip file and staged a shard, and before it commits
      waitFor(() -> countFiles(killed.resolve("clips"), ".mp4") > 0 && staged(killed) > 0, process, Duration.ofMinutes(3));
      assertThat(process.isAlive()).as("killed mid-run, not after it ended").isTrue();
    } finally {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(killed.resolve("run.json")).as("a killed run publishes nothing").doesNotExist();
    assertThat(killed.resolve("corpus")).doesNotExist();
    assertThat(killed.resolve(RunOutput.STAGING)).isDirectory();

    assertThat(run(caption(videos, killed))).as(err.toString()).isZero();
    assertThat(err.toString()).contains("removing the unfinished run");
    assertThat(killed.resolve(RunOutput.STAGING)).doesNotExist();
    assertThat(count(report(killed), "clip_files_reused")).as("clips the killed run encoded are not encoded again")
        .isPositive();

    List<String> rerun = corpus(killed);
    List<String> uninterrupted = corpus(clean);
    assertThat(rerun).as(() -> TestRecords.differences(rerun, uninterrupted)).isEqualTo(uninterrupted);
    assertThat(countLines(killed.resolve("corpus"))).isEqualTo(corpus(clean).size());
    for (String dirName : List.of("records/clips", "records/frames", "records/frame-captions", "records/dense-captions")) {
      assertThat(countLines(killed.resolve(dirName))).as(dirName).isEqualTo(countLines(clean.resolve(dirName)));
    }
    assertThat(Files.readAllLines(killed.resolve("cogvideox/prompts.txt")))
        .isEqualTo(Files.readAllLines(clean.resolve("cogvideox/prompts.txt")));
    assertThat(Files.readAllLines(killed.resolve("cogvideox/videos.txt")))
        .isEqualTo(Files.readAllLines(clean.resolve("cogvideox/videos.txt")));
  }

  /** The corpus records, sorted, without what two runs into two directories differ in: start time, output path. */
  private static List<String> corpus(Path output) throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode r : records(output.resolve("corpus"))) {
      ((ObjectNode) r.get("provenance")).remove("createdAtMillis");
      ObjectNode clip = (ObjectNode) r.get("clip");
      assertThat(clip.get("clipUri").asText()).startsWith(output.resolve("clips").toString());
      clip.put("clipUri", output.relativize(Path.of(clip.get("clipUri").asText())).toString());
      out.add(r.toString());
    }
    out.sort(null);
    return out;
  }

  /** Lines in a directory's JSONL shards, duplicates included. */
  private static long countLines(Path dir) throws IOException {
    long n = 0;
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
        n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
      }
    }
    return n;
  }

  private static long staged(Path output) {
    Path staging = output.resolve(RunOutput.STAGING);
    if (!Files.isDirectory(staging)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0; // files come and go while the run writes
    }
  }

  private static long countFiles(Path dir, String suffix) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(suffix)).count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The CLI in its own JVM (this test's class path and flags), so it can be killed. */
  private static Process startCaption(List<String> args, Path log) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
        "-Djava.library.path=" + System.getProperty("java.library.path"),
        "-Dai.djl.offline=true", "-DOPT_OUT_TRACKING=true", "-DNO_GCE_CHECK=true"));
    for (String property : List.of("reelscribe.cache", "DJL_CACHE_DIR")) {
      if (System.getProperty(property) != null) {
        command.add("-D" + property + "=" + System.getProperty(property));
      }
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Reelscribe.class.getName()));
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("NO_GCE_CHECK", "true");
    return builder.start();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition, Process process, Duration limit)
      throws InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(process.isAlive()).as("the run ended before it could be killed").isTrue();
      assertThat(System.nanoTime()).as("waited " + limit + " for the run to start").isLessThan(end);
      Thread.sleep(50);
    }
  }
}
