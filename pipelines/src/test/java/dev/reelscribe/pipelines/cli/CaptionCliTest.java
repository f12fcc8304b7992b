package dev.reelscribe.pipelines.cli;

import static dev.reelscribe.pipelines.TestRecords.lines;
import static dev.reelscribe.pipelines.TestRecords.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.models.chat.ScriptedChatServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelscribe caption / eval / train} with the built-in frame captioner. */
class CaptionCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir static Path shared;
  static Path videos;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @BeforeAll
  static void renderClips() {
    StringWriter sink = new StringWriter();
    int code = Reelscribe.commandLine(new PrintWriter(sink), new PrintWriter(sink))
        .execute("synth", "--count", "3", "--seed", "5", "--output", shared.resolve("synth").toString());
    assertThat(code).as(sink.toString()).isZero();
    videos = shared.resolve("synth/videos");
  }

  @Test
  void helpNamesTheBackends() {
    assertThat(run("caption", "--help")).isZero();
    assertThat(out.toString()).contains("--frame-captioner-model", "--vlm-endpoint", "--vlm-api-key-env", "builtin",
        "remote", "--input", "--fuser-model", "--llm-endpoint", "--no-fuse");
  }

  @Test
  void anEndpointWithoutAModelNameIsAClearError(@TempDir Path dir) {
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.toString(), "--vlm-endpoint",
        "http://127.0.0.1:9/v1")).isEqualTo(2);
    assertThat(err.toString()).contains("--vlm-endpoint needs --vlm-model");
  }

  @Test
  void anUnsetKeyVariableIsAClearError(@TempDir Path dir) {
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.toString(), "--vlm-endpoint",
        "http://127.0.0.1:9/v1", "--vlm-model", "m", "--vlm-api-key-env", "REELSCRIBE_TEST_UNSET_KEY")).isEqualTo(2);
    assertThat(err.toString()).contains("REELSCRIBE_TEST_UNSET_KEY").contains("not set");
  }

  @Test
  void aHedgingThresholdMustBeAProbabilityAndIsForTheBuiltInCaptionerOnly(@TempDir Path dir) {
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.resolve("a").toString(),
        "--hedge-below", "1.5")).isEqualTo(2);
    assertThat(err.toString()).contains("shape-hedging threshold is a probability");
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.resolve("b").toString(),
        "--hedge-below", "0.5", "--vlm-endpoint", "http://127.0.0.1:9/v1", "--vlm-model", "m")).isEqualTo(2);
    assertThat(err.toString()).contains("--hedge-below is for the built-in/local captioner");
  }

  @Test
  void gridPlacesAreForTheBuiltInCaptionerOnly(@TempDir Path dir) {
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.toString(), "--no-grid-places",
        "--vlm-endpoint", "http://127.0.0.1:9/v1", "--vlm-model", "m")).isEqualTo(2);
    assertThat(err.toString()).contains("--grid-places is for the built-in/local captioner");
  }

  @Test
  void aModelDirectoryThatIsNotOneIsAClearError(@TempDir Path dir) {
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.resolve("o").toString(),
        "--frame-captioner-model", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("is not a model directory");
  }

  @Test
  void captionsEveryFrameAndFusesEveryClipWithTheBuiltInModelsOnDirectAndFlink(@TempDir Path dir) throws Exception {
    Path direct = dir.resolve("direct");
    assertThat(run("caption", "--input", videos.toString(), "--output", direct.toString(), "--filter", "none",
        "--cogvideox-frames", "17", "--shard-size", "1")).as(err.toString()).isZero();
    assertThat(out.toString()).contains("frames captioned (0 failed)").contains("clips fused").contains("corpus records");
    List<JsonNode> frames = records(direct.resolve("records/frames"));
    List<JsonNode> captions = records(direct.resolve("records/frame-captions"));
    assertThat(frames).isNotEmpty();
    assertThat(captions).hasSize(frames.size()).allSatisfy(c -> {
      assertThat(c.get("text").asText()).matches("[A-Z].*\\.");
      assertThat(c.at("/model/backend").asText()).isEqualTo("builtin");
      assertThat(c.at("/model/modelId").asText()).isEqualTo("reelscribe-frame-captioner");
    });
    JsonNode report = JSON.readTree(direct.resolve("run.json").toFile());
    assertThat(report.at("/captionCounts/frames_captioned").asLong()).isEqualTo(frames.size());
    assertThat(report.at("/config/frameCaptioner/backend").asText()).isEqualTo("builtin");
    // every kept clip ends as one dense description or one fuse failure with its reason
    List<JsonNode> clips = records(direct.resolve("records/clips"));
    List<JsonNode> dense = records(direct.resolve("records/dense-captions"));
    long fuseFailures = records(direct.resolve("failed")).stream()
        .filter(f -> f.get("stage").asText().equals("fuse")).count();
    assertThat(dense.size() + fuseFailures).isEqualTo(clips.size());
    assertThat(dense).isNotEmpty().allSatisfy(d -> {
      assertThat(d.get("text").asText()).matches("[A-Z].*\\.");
      assertThat(d.at("/model/backend").asText()).isEqualTo("builtin");
      assertThat(d.at("/model/modelId").asText()).isEqualTo("reelscribe-caption-fuser");
      assertThat(d.get("promptVersion").asText()).startsWith("builtin-v1#");
    });
    assertThat(report.at("/config/fuser/backend").asText()).isEqualTo("builtin");

    // the corpus: one record per dense description, in every format
    List<JsonNode> corpus = records(direct.resolve("corpus"));
    assertThat(corpus).hasSameSizeAs(dense).allSatisfy(r -> {
      assertThat(r.at("/provenance/modelIds/fuser").asText()).startsWith("builtin:reelscribe-caption-fuser@");
      assertThat(r.at("/provenance/modelIds/frame-captioner").asText()).startsWith("builtin:reelscribe-frame-captioner@");
      assertThat(r.at("/provenance/configHash").asText()).hasSize(64);
    });
    assertThat(report.at("/captionCounts/corpus_records").asLong()).isEqualTo(corpus.size());
    // distributions per stage: clip lengths and scores, caption lengths, batch times
    assertThat(report.at("/distributions/clip_length_ms/count").asLong()).isEqualTo(clips.size());
    assertThat(report.at("/distributions/clip_length_ms/max").asLong()).isBetween(1000L, 10_000L);
    assertThat(report.at("/distributions/score_sharpness_x1000/count").asLong()).isEqualTo(clips.size());
    assertThat(report.at("/distributions/frame_caption_words/count").asLong()).isEqualTo(frames.size());
    assertThat(report.at("/distributions/dense_caption_tokens/count").asLong())
        .isEqualTo(report.at("/captionCounts/clips_fused").asLong());
    try (var shards = Files.list(direct.resolve("webdataset"))) {
      assertThat(shards.filter(f -> f.getFileName().toString().endsWith(".tar"))).isNotEmpty();
    }
    List<String> cogVideos = Files.readAllLines(direct.resolve("cogvideox/videos.txt"));
    assertThat(cogVideos).isNotEmpty().hasSameSizeAs(Files.readAllLines(direct.resolve("cogvideox/prompts.txt")))
        .allSatisfy(v -> assertThat(direct.resolve("cogvideox").resolve(v)).isRegularFile());
    assertThat(report.at("/config/corpus/cogvideox/frames").asInt()).isEqualTo(17);

    Path flink = dir.resolve("flink");
    assertThat(run("caption", "--input", videos.toString(), "--output", flink.toString(), "--filter", "none",
        "--cogvideox-frames", "17", "--shard-size", "1",
        "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2")).as(err.toString()).isZero();
    assertThat(Files.readAllLines(flink.resolve("cogvideox/prompts.txt")))
        .isEqualTo(Files.readAllLines(direct.resolve("cogvideox/prompts.txt")));
    assertThat(lines(flink.resolve("records/frame-captions"))).isEqualTo(lines(direct.resolve("records/frame-captions")));
    assertThat(lines(flink.resolve("records/dense-captions"))).isEqualTo(lines(direct.resolve("records/dense-captions")));
  }

  @Test
  void noFuseStopsAtFrameCaptions(@TempDir Path dir) throws Exception {
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.toString(), "--filter", "none",
        "--sampling", "uniform:2", "--no-fuse")).as(err.toString()).isZero();
    assertThat(records(dir.resolve("records/frame-captions"))).isNotEmpty();
    assertThat(dir.resolve("records/dense-captions")).doesNotExist();
    assertThat(JSON.readTree(dir.resolve("run.json").toFile()).at("/config/fuser/backend").asText()).isEqualTo("none");
    assertThat(run("caption", "--input", videos.toString(), "--output", dir.resolve("x").toString(), "--no-fuse",
        "--fuser-model", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--no-fuse does not go with");
  }

  @Test
  void withAnLlmEndpointTheRunEndsWithCheckedDenseDescriptions(@TempDir Path dir) throws Exception {
    // the LLM is a local scripted server that answers every clip with its first frame caption
    try (ScriptedChatServer llm = new ScriptedChatServer().answerWith(body -> {
      String user = body.path("messages").path(1).path("content").asText();
      String first = user.substring(user.indexOf("<frames>\n") + 9).split("\n")[0];
      try {
        return JSON.readTree(first).path("caption").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    })) {
      Path output = dir.resolve("o");
      assertThat(run("caption", "--input", videos.toString(), "--output", output.toString(), "--filter", "none",
          "--llm-endpoint", llm.endpoint(), "--llm-model", "first-frame")).as(err.toString()).isZero();
      List<JsonNode> clips = records(output.resolve("records/clips"));
      List<JsonNode> dense = records(output.resolve("records/dense-captions"));
      assertThat(dense).hasSize(clips.size()).allSatisfy(d -> {
        assertThat(d.get("text").asText()).isEqualTo(d.at("/frameCaptions/0/text").asText());
        assertThat(d.at("/model/modelId").asText()).isEqualTo("first-frame");
      });
      assertThat(out.toString()).contains(clips.size() + " clips fused (0 rejected by checks, 0 failed, 0 skipped)");
      JsonNode report = JSON.readTree(output.resolve("run.json").toFile());
      assertThat(report.at("/captionCounts/clips_fused").asLong()).isEqualTo(clips.size());
      assertThat(report.at("/config/fuser/promptVersion").asText()).startsWith("fuse-v1#");
      assertThat(report.at("/config/fuser/reject").asText()).isEqualTo("all");
    }
  }

  @Test
  void evalPrintsPerAttributeFiguresAndJsonLast(@TempDir Path dir) throws Exception {
    assertThat(run("eval", "frame-captioner", "--seed", "1000", "--count", "3", "--frames-per-clip", "2", "--json",
        "--work-dir", dir.toString())).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode json = JSON.readTree(lines[lines.length - 1]);
    assertThat(json.get("frames").asInt()).isEqualTo(6);
    assertThat(json.at("/score/kinds/object/f1").isNumber()).isTrue();
    assertThat(json.at("/score/hallucinationRate").isNumber()).isTrue();
    assertThat(out.toString()).contains("precision", "recall", "object", "colour", "position", "hallucination rate");
  }

  @Test
  void trainWritesAModelDirectoryThatCaptionAccepts(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model");
    assertThat(run("train", "frame-captioner", "--seed", "9", "--steps", "2", "--batch", "2", "--eval-every", "2",
        "--validation-frames", "2", "--output", model.toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("step 2/2").contains("wrote");
    assertThat(model.resolve("config.json")).isRegularFile();
    assertThat(model.resolve("frame-captioner-0000.params")).isRegularFile();
    assertThat(run("eval", "frame-captioner", "--model", model.toString(), "--count", "1", "--frames-per-clip", "1",
        "--work-dir", dir.resolve("eval").toString())).as(err.toString()).isZero();
    assertThat(out.toString()).contains("local:reelscribe-frame-captioner@");
  }
}
