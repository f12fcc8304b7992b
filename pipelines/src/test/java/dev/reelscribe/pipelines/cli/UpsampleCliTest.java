package dev.reelscribe.pipelines.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reelscribe.models.chat.ScriptedChatServer;
import dev.reelscribe.models.chat.ScriptedChatServer.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reelscribe upsample}: the built-in upsampler, and an LLM played by a local scripted server. */
class UpsampleCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LONG = "A large red circle rolls slowly from the left of the frame to the right across a "
      + "plain black background, while the camera stays still.";
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private ScriptedChatServer llm;

  @BeforeEach
  void start() throws Exception {
    llm = new ScriptedChatServer().answer(LONG);
  }

  @AfterEach
  void stop() {
    llm.close();
  }

  private int run(String... args) {
    return Reelscribe.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  private List<JsonNode> lines() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.toString().strip().split("\n")) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void printsOneCheckedLongPromptPerShortPrompt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("prompts.txt"), "a blue star spins\n\n");
    assertThat(run("upsample", "--llm-endpoint", llm.endpoint(), "--llm-model", "glm-4",
        "--prompt", "a red ball rolls", "--prompts", file.toString())).as(err.toString()).isZero();
    List<JsonNode> lines = lines();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("prompt").asText()).isEqualTo("a red ball rolls");
    assertThat(lines.get(1).get("prompt").asText()).isEqualTo("a blue star spins");
    assertThat(lines).allSatisfy(l -> {
      assertThat(l.get("text").asText()).isEqualTo(LONG);
      assertThat(l.get("promptVersion").asText()).startsWith("upsample-v1#");
      assertThat(l.get("qaFlags")).isEmpty();
      assertThat(l.get("tokenCount").asInt()).isBetween(20, 60);
    });
    // requests go out concurrently: each short prompt was sent once, quoted, inside its tags
    assertThat(llm.received()).extracting(r -> r.body().path("messages").path(1).path("content").asText())
        .containsExactlyInAnyOrder("<prompt>\n\"a red ball rolls\"\n</prompt>",
            "<prompt>\n\"a blue star spins\"\n</prompt>");
  }

  @Test
  void aCutOffAnswerIsRejectedAndTheExitCodeSaysSo() throws Exception {
    llm.then(new Fault.Truncated());
    assertThat(run("upsample", "--llm-endpoint", llm.endpoint(), "--llm-model", "glm-4", "--llm-concurrency", "1",
        "--prompt", "a red ball rolls", "--prompt", "a blue star spins")).isEqualTo(1);
    List<JsonNode> lines = lines();
    assertThat(lines.get(0).get("qaFlags").toString()).contains("cut_off");
    assertThat(lines.get(0).get("rejected").asText()).contains("cut_off");
    assertThat(lines.get(1).has("rejected")).isFalse();
    assertThat(err.toString()).contains("1 of 2 prompts");
  }

  @Test
  void withoutAPromptOrAnLlmItSaysWhatIsMissing() {
    assertThat(run("upsample", "--llm-endpoint", llm.endpoint(), "--llm-model", "m")).isEqualTo(2);
    assertThat(err.toString()).contains("--prompt");
    assertThat(run("upsample", "--prompt", "x", "--upsampler-prompt", "p.txt")).isEqualTo(2);
    assertThat(err.toString()).contains("--upsampler-prompt needs --llm-endpoint");
  }

  @Test
  void theBuiltInUpsamplerIsTheDefault() throws Exception {
    assertThat(run("upsample", "--prompt", "a red circle moving left on a navy background")).as(err.toString()).isZero();
    JsonNode line = lines().get(0);
    assertThat(line.get("promptVersion").asText()).startsWith("builtin-v1#");
    assertThat(line.get("qaFlags")).isEmpty();
    // the long prompt keeps what the short one says, in the style the generator trains on
    assertThat(line.get("text").asText()).contains("red circle").contains("navy").contains("left")
        .startsWith("The video opens on");
    assertThat(llm.received()).isEmpty();
  }
}
