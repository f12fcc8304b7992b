package dev.reelscribe.captioner.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.models.chat.ChatClient;
import dev.reelscribe.models.chat.ChatConfig;
import dev.reelscribe.models.chat.ScriptedChatServer;
import dev.reelscribe.models.chat.ScriptedChatServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The captioner around the shared client ({@code ChatClientTest} covers the protocol itself). */
class RemoteFrameCaptionerTest {
  private static final String KEY = "sk-test-secret-123";
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3};

  private ScriptedChatServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RemoteFrameCaptioner captioner(ChatConfig config) {
    return new RemoteFrameCaptioner(new ChatClient(config, Map.of("VLM_KEY", KEY)), null, 64);
  }

  private ChatConfig config() {
    return ChatConfig.of(server.endpoint(), "glm-4v").withApiKeyEnv("VLM_KEY").withConcurrency(4)
        .withTimeout(Duration.ofSeconds(5)).withRetries(4, Duration.ofMillis(10), Duration.ofSeconds(2));
  }

  private static List<FrameImage> frames(int n) {
    List<FrameImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new FrameImage("clip#" + i, JPEG));
    }
    return out;
  }

  @Test
  void sendsTheFrameAsADataUrlWithThePromptModelAndKey() {
    server.answer("A large red circle in the top left on a plain black background.");
    try (RemoteFrameCaptioner c = captioner(config())) {
      List<CaptionResult> results = c.caption(frames(1));
      assertThat(results).containsExactly(new CaptionResult.Ok("A large red circle in the top left on a plain black background."));
      assertThat(c.model().getBackend()).isEqualTo("remote");
      assertThat(c.model().getModelId()).isEqualTo("glm-4v");
    }
    ScriptedChatServer.Received r = server.received().get(0);
    assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
    assertThat(r.body().path("model").asText()).isEqualTo("glm-4v");
    var content = r.body().path("messages").path(0).path("content");
    assertThat(content.path(0).path("text").asText()).isEqualTo(RemoteFrameCaptioner.DEFAULT_PROMPT);
    assertThat(content.path(1).path("image_url").path("url").asText())
        .isEqualTo("data:image/jpeg;base64," + Base64.getEncoder().encodeToString(JPEG));
  }

  @Test
  void aFailedRequestBecomesAFailedCaptionWithKindMessageAndAttempts() {
    server.then(new Fault.Status(502, null), new Fault.Status(502, null), new Fault.Status(502, null),
        new Fault.Status(502, null));
    try (RemoteFrameCaptioner c = captioner(config())) {
      CaptionResult r = c.caption(frames(1)).get(0);
      assertThat(r).isInstanceOfSatisfying(CaptionResult.Failed.class, f -> {
        assertThat(f.errorClass()).isEqualTo("ServerError");
        assertThat(f.message()).contains("HTTP 502").contains("gave up after 4 attempts");
        assertThat(f.attempts()).isEqualTo(4);
      });
    }
  }

  @Test
  void badAnswersBecomeFailedCaptionsWithTheirReason() {
    server.then(new Fault.Malformed(), new Fault.Empty(), new Fault.Truncated(), new Fault.NotText());
    try (RemoteFrameCaptioner c = captioner(config().withConcurrency(1))) {
      List<String> kinds = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        kinds.add(((CaptionResult.Failed) c.caption(frames(1)).get(0)).errorClass());
      }
      assertThat(kinds).containsExactly("MalformedAnswer", "EmptyAnswer", "TruncatedAnswer", "NotText");
      assertThat(c.caption(frames(1)).get(0)).isInstanceOf(CaptionResult.Ok.class);
    }
  }

  @Test
  void boundsRequestsInFlightAndKeepsOrder() {
    server.latency(100);
    try (RemoteFrameCaptioner c = captioner(config().withConcurrency(3))) {
      List<CaptionResult> results = c.caption(frames(12));
      assertThat(results).hasSize(12).allMatch(r -> r instanceof CaptionResult.Ok);
    }
    assertThat(server.maxInFlight()).isEqualTo(3);
  }

  @Test
  void oneFailingFrameDoesNotFailTheOthers() {
    server.then(new Fault.Status(404, null));
    try (RemoteFrameCaptioner c = captioner(config().withConcurrency(1))) {
      List<CaptionResult> results = c.caption(frames(3));
      assertThat(results.get(0)).isInstanceOf(CaptionResult.Failed.class);
      assertThat(results.subList(1, 3)).allMatch(r -> r instanceof CaptionResult.Ok);
    }
  }
}
