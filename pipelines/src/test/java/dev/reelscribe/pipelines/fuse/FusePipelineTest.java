package dev.reelscribe.pipelines.fuse;

import static dev.reelscribe.pipelines.TestRecords.records;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.models.chat.ChatConfig;
import dev.reelscribe.models.chat.ScriptedChatServer;
import dev.reelscribe.models.chat.ScriptedChatServer.Fault;
import dev.reelscribe.pipelines.TestInputs;
import dev.reelscribe.pipelines.caption.CaptionPipeline;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frames → frame captions → dense descriptions on real video, with the VLM and the LLM played by
 * two local scripted servers: every kept clip ends as exactly one dense caption or one fuse
 * failure — fused, rejected by the output checks, or skipped because a frame has no caption.
 */
class FusePipelineTest {
  private static final String FRAME = "A medium white square in the center on a plain black background.";
  private static final String DENSE = "A medium white square rests in the center of a plain black background.";

  @TempDir Path dir;
  private ScriptedChatServer vlm;
  private ScriptedChatServer llm;

  @BeforeEach
  void start() throws IOException {
    vlm = new ScriptedChatServer().answer(FRAME);
    llm = new ScriptedChatServer().answer(DENSE);
  }

  @AfterEach
  void stop() {
    vlm.close();
    llm.close();
  }

  @Test
  void everyKeptClipEndsAsOneDenseCaptionOrOneFuseFailure() throws Exception {
    vlm.then(new Fault.Status(400, null));
    llm.then(new Fault.Truncated());
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.copy(TestInputs.video("Megamind.avi"), in.resolve("Megamind.avi"));
    Path out = dir.resolve("out");
    ExtractOptions options = PipelineOptionsFactory.fromArgs("--input=" + in, "--output=" + out)
        .as(ExtractOptions.class);
    CaptionerSpec captioner = CaptionerSpec.remote(ChatConfig.of(vlm.endpoint(), "scripted-vlm")
        .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20)), null).withBatchSize(4);
    FuserSpec fuser = FuserSpec.remote(ChatConfig.of(llm.endpoint(), "scripted-llm")
        .withRetries(2, Duration.ofMillis(5), Duration.ofMillis(20))).withBatchSize(2);
    TestPipeline p = TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
    CaptionPipeline.applyTransforms(p, options, captioner, fuser);
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);

    List<JsonNode> clips = records(out.resolve("records/clips"));
    List<JsonNode> frames = records(out.resolve("records/frames"));
    List<JsonNode> dense = records(out.resolve("records/dense-captions"));
    List<JsonNode> fuseFailures = records(out.resolve("failed")).stream()
        .filter(f -> f.get("stage").asText().equals("fuse")).toList();
    assertThat(clips).as("the test needs several kept clips").hasSizeGreaterThanOrEqualTo(3);
    assertThat(dense.size() + fuseFailures.size()).isEqualTo(clips.size());
    assertThat(fuseFailures.stream().map(f -> f.get("errorClass").asText()))
        .containsExactlyInAnyOrder("FramesNotCaptioned", "QaRejected");
    assertThat(fuseFailures).anySatisfy(f -> assertThat(f.get("message").asText()).contains("cut_off"));

    Map<String, Integer> framesPerClip = new HashMap<>();
    frames.forEach(f -> framesPerClip.merge(f.get("clipId").asText(), 1, Integer::sum));
    assertThat(dense).allSatisfy(d -> {
      assertThat(d.get("text").asText()).isEqualTo(DENSE);
      assertThat(d.get("promptVersion").asText()).startsWith("fuse-v1#");
      assertThat(d.get("model").get("modelId").asText()).isEqualTo("scripted-llm");
      assertThat(d.get("qaFlags")).isEmpty();
      assertThat(d.get("tokenCount").asInt()).isBetween(10, 226);
      assertThat(d.get("frameCaptions")).hasSize(framesPerClip.get(d.get("clipId").asText()));
    });
    // the fusion prompt carried the clip's captions as data
    String user = llm.received().get(0).body().path("messages").path(1).path("content").asText();
    assertThat(user).contains("<frames>").contains(FRAME);
  }
}
