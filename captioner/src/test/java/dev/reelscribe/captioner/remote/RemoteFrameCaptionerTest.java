package dev.reelscribe.captioner.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.captioner.remote.ScriptedChatServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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
  void retriesRateLimitsHonouringRetryAfter() {
    server.then(new Fault.Status(429, "0.3"));
    try (RemoteFrameCaptioner c = captioner(config())) {
      long t0 = System.nanoTime();
      assertThat(c.caption(frames(1)).get(0)).isInstanceOf(CaptionResult.Ok.class);
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(300_000_000L);
      assertThat(c.client().retries()).isEqualTo(1);
    }
    List<ScriptedChatServer.Received> got = server.received();
    assertThat(got).hasSize(2);
    assertThat(got.get(1).atNanos() - got.get(0).atNanos()).isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void retriesServerErrorsWithBackoffThenSucceeds() {
    server.then(new Fault.Status(500, null), new Fault.Status(503, null));
    try (RemoteFrameCaptioner c = captioner(config())) {
      assertThat(c.caption(frames(1)).get(0)).isInstanceOf(CaptionResult.Ok.class);
    }
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void doesNotRetryClientErrors() {
    server.then(new Fault.Status(400, null));
    try (RemoteFrameCaptioner c = captioner(config())) {
      CaptionResult r = c.caption(frames(1)).get(0);
      assertThat(r).isInstanceOfSatisfying(CaptionResult.Failed.class, f -> {
        assertThat(f.errorClass()).isEqualTo("ClientError");
        assertThat(f.message()).contains("HTTP 400").doesNotContain(KEY);
        assertThat(f.attempts()).isEqualTo(1);
      });
    }
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastReason() {
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
  void timesOutAHungRequestAndRetriesIt() {
    server.then(new Fault.Hang(3000));
    try (RemoteFrameCaptioner c = captioner(config().withTimeout(Duration.ofMillis(300)))) {
      long t0 = System.nanoTime();
      assertThat(c.caption(frames(1)).get(0)).isInstanceOf(CaptionResult.Ok.class);
      assertThat(System.nanoTime() - t0).isLessThan(2_500_000_000L);
    }
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void badAnswersBecomeFailuresWithTheirReason() {
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

  @Test
  void anUnreachableEndpointFailsWithAConnectionError() {
    String endpoint = server.endpoint();
    server.close();
    ChatConfig config = ChatConfig.of(endpoint, "m").withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10));
    try (RemoteFrameCaptioner c = new RemoteFrameCaptioner(new ChatClient(config, Map.of()), null, 64)) {
      CaptionResult r = c.caption(frames(1)).get(0);
      assertThat(r).isInstanceOfSatisfying(CaptionResult.Failed.class, f -> {
        assertThat(f.errorClass()).isEqualTo("Connection");
        assertThat(f.attempts()).isEqualTo(2);
      });
    }
  }

  @Test
  void aMissingKeyVariableIsAClearErrorThatNamesTheVariable() {
    assertThatThrownBy(() -> new ChatClient(config(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("VLM_KEY");
  }

  @Test
  void acceptsABaseUrlOrTheFullPath() {
    assertThat(ChatConfig.of("http://h:8000/v1", "m").completionsUri().toString())
        .isEqualTo("http://h:8000/v1/chat/completions");
    assertThat(ChatConfig.of("http://h:8000/v1/chat/completions/", "m").completionsUri().toString())
        .isEqualTo("http://h:8000/v1/chat/completions");
    assertThatThrownBy(() -> ChatConfig.of("ftp://h", "m")).isInstanceOf(IllegalArgumentException.class);
  }
}
