package dev.reelscribe.pipelines.caption;

import static dev.reelscribe.pipelines.TestRecords.lines;
import static dev.reelscribe.pipelines.TestRecords.records;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.models.chat.ChatConfig;
import dev.reelscribe.models.chat.ScriptedChatServer.Fault;
import dev.reelscribe.models.chat.ScriptedChatServer;
import dev.reelscribe.pipelines.TestInputs;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import dev.reelscribe.schemas.FrameCaption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The caption stage end to end on real video, with a remote VLM played by a local scripted server
 * (the built-in model is exercised by the CLI tests): captions carry the model, failing frames
 * become FailedRecords, and the DirectRunner and Flink agree.
 */
class CaptionPipelineTest {
  private static final String ANSWER = "A medium white square in the center on a plain black background.";

  @TempDir Path dir;
  private ScriptedChatServer server;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedChatServer().answer(ANSWER);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private CaptionerSpec remote() {
    ChatConfig chat = ChatConfig.of(server.endpoint(), "scripted-vlm").withConcurrency(4)
        .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(50));
    return CaptionerSpec.remote(chat, null).withBatchSize(4);
  }

  private Path input() throws IOException {
    Path inputs = Files.createDirectories(dir.resolve("in"));
    Files.copy(TestInputs.video("Megamind.avi"), inputs.resolve("Megamind.avi"));
    return inputs;
  }

  private static ExtractOptions options(Path input, Path output, String... runner) {
    List<String> args = new ArrayList<>(List.of(runner));
    args.add("--input=" + input);
    args.add("--output=" + output);
    return PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(ExtractOptions.class);
  }

  @Test
  void captionsEveryFrameAndTurnsFailuresIntoFailedRecords() throws Exception {
    server.then(new Fault.Status(400, null), new Fault.Malformed());
    Path out = dir.resolve("out");
    ExtractOptions options = options(input(), out);
    TestPipeline p = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
    PCollection<FrameCaption> captions = CaptionPipeline.applyTransforms(p, options, remote());
    PAssert.that(captions).satisfies(all -> {
      for (FrameCaption c : all) {
        assertThat(c.getText()).isEqualTo(ANSWER);
        assertThat(c.getModel().getBackend()).isEqualTo("remote");
        assertThat(c.getModel().getModelId()).isEqualTo("scripted-vlm");
        assertThat(c.getClipId()).isNotBlank();
      }
      return null;
    });
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);

    List<JsonNode> frames = records(out.resolve("records/frames"));
    List<JsonNode> written = records(out.resolve("records/frame-captions"));
    List<JsonNode> failed = records(out.resolve("failed"));
    assertThat(frames).isNotEmpty();
    assertThat(written).hasSize(frames.size() - 2);
    assertThat(failed).hasSize(2).allSatisfy(f -> assertThat(f.get("stage").asText()).isEqualTo("caption-frames"));
    assertThat(failed.stream().map(f -> f.get("errorClass").asText()))
        .containsExactlyInAnyOrder("ClientError", "MalformedAnswer");
    Set<String> captionedKeys = new TreeSet<>();
    written.forEach(c -> captionedKeys.add(c.get("clipId").asText() + "#" + c.get("frameIndex").asInt()));
    failed.forEach(f -> captionedKeys.add(f.get("key").asText()));
    Set<String> frameKeys = new TreeSet<>();
    frames.forEach(f -> frameKeys.add(f.get("clipId").asText() + "#" + f.get("index").asInt()));
    assertThat(captionedKeys).as("every frame is captioned or failed, none twice").isEqualTo(frameKeys);
  }

  @Test
  void directRunnerAndFlinkWriteTheSameCaptionsAndDescriptions() throws Exception {
    Path in = input();
    Path direct = run(options(in, dir.resolve("direct"), "--runner=DirectRunner"));
    Path flink = run(options(in, dir.resolve("flink"), "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    Set<String> a = lines(direct.resolve("records/frame-captions"));
    assertThat(a).isNotEmpty();
    assertThat(lines(flink.resolve("records/frame-captions"))).isEqualTo(a);
    Set<String> d = lines(direct.resolve("records/dense-captions"));
    assertThat(d).isNotEmpty();
    assertThat(lines(flink.resolve("records/dense-captions"))).isEqualTo(d);
  }

  private Path run(ExtractOptions options) throws Exception {
    Pipeline p = Pipeline.create(options);
    // the same scripted server plays the LLM: its answer names only what the frame captions name
    FuserSpec fuser = FuserSpec.remote(ChatConfig.of(server.endpoint(), "scripted-llm")
        .withRetries(3, Duration.ofMillis(5), Duration.ofMillis(50)));
    CaptionPipeline.applyTransforms(p, options, remote(), fuser);
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
    return Path.of(options.getOutput());
  }
}
