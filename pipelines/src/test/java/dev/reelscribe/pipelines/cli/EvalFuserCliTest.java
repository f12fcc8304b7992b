package dev.reelscribe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.models.chat.ScriptedChatServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reelscribe eval fuser} with the built-in frame captioner and an LLM played by a local
 * server that "fuses" by joining the frame captions it is sent: the joined text mentions every object
 * any frame mentions, so its object recall is at least the best single frame's.
 */
class EvalFuserCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private ScriptedChatServer llm;

  @BeforeEach
  void start() throws Exception {
    llm = new ScriptedChatServer().answerWith(body -> {
      String user = body.path("messages").path(1).path("content").asText();
      String block = user.substring(user.indexOf("<frames>\n") + 9, user.indexOf("\n</frames>"));
      StringBuilder joined = new StringBuilder();
      for (String line : block.split("\n")) {
        try {
          joined.append(JSON.readTree(line).path("caption").asText()).append(' ');
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return joined.toString().strip();
    });
  }

  @AfterEach
  void stop() {
    llm.close();
  }

  private int run(String... args) {
    return Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void gradesTheFusedDescriptionNextToTheBestFrameAndPrintsJsonLast(@TempDir Path dir) throws Exception {
    assertThat(run("eval", "fuser", "--seed", "1000", "--count", "3", "--frames-per-clip", "3", "--json",
        "--llm-endpoint", llm.endpoint(), "--llm-model", "joiner", "--fuser-reject", "none",
        "--work-dir", dir.toString())).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode json = JSON.readTree(lines[lines.length - 1]);
    assertThat(json.get("clips").asInt()).isEqualTo(3);
    assertThat(json.get("failed").asInt()).isZero();
    assertThat(llm.received()).hasSize(3);
    double fusedRecall = json.at("/fused/kinds/object/recall").asDouble();
    double bestRecall = json.at("/bestFrame/kinds/object/recall").asDouble();
    assertThat(fusedRecall).isGreaterThanOrEqualTo(bestRecall).isGreaterThan(0);
    assertThat(out.toString()).contains("fused description:", "best single frame caption", "motion", "ms per clip");
  }

  @Test
  void truthCaptionsFeedTheFuserSynthworldsOwnFrameCaptionsAndRenderNothing(@TempDir Path dir) throws Exception {
    assertThat(run("eval", "fuser", "--seed", "1000", "--count", "4", "--frames-per-clip", "4", "--json",
        "--truth-captions", "--llm-endpoint", llm.endpoint(), "--llm-model", "joiner", "--fuser-reject", "none",
        "--work-dir", dir.resolve("work").toString())).as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode json = JSON.readTree(lines[lines.length - 1]);
    assertThat(llm.received()).hasSize(4);
    // the joined truth captions name only objects that are there, every one of them right
    assertThat(json.at("/fused/kinds/object/claims").asInt()).isPositive();
    assertThat(json.at("/fused/kinds/object/precision").asDouble()).isEqualTo(1.0);
    assertThat(json.at("/fused/kinds/colour/precision").asDouble()).isEqualTo(1.0);
    assertThat(json.at("/fused/hallucinationRate").asDouble()).isZero();
    assertThat(out.toString()).contains("synthworld's own frame captions");
    assertThat(dir.resolve("work")).doesNotExist();
  }

  @Test
  void theBuiltInFuserIsTheDefault(@TempDir Path dir) throws Exception {
    assertThat(run("eval", "fuser", "--seed", "1000", "--count", "2", "--json", "--work-dir", dir.toString()))
        .as(err.toString()).isZero();
    String[] lines = out.toString().strip().split("\n");
    JsonNode json = JSON.readTree(lines[lines.length - 1]);
    assertThat(json.get("model").asText()).startsWith("builtin:reelscribe-caption-fuser@");
    assertThat(json.get("failed").asInt()).isZero();
    assertThat(json.at("/fused/kinds/motion/f1").isNumber()).isTrue();
    assertThat(out.toString()).contains("prompt builtin-v1#");
  }

  @Test
  void noFuseLeavesNothingToEvaluate(@TempDir Path dir) {
    assertThat(run("eval", "fuser", "--count", "1", "--no-fuse", "--work-dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nothing to evaluate");
  }
}
