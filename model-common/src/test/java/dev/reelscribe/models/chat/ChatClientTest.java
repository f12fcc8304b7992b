package dev.reelscribe.models.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.models.chat.ScriptedChatServer.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's protocol behaviour, shared by every remote model role, against the scripted local server. */
class ChatClientTest {
  private static final String KEY = "sk-test-secret-123";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ScriptedChatServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ScriptedChatServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ChatConfig config() {
    return ChatConfig.of(server.endpoint(), "glm-4").withApiKeyEnv("LLM_KEY").withConcurrency(4)
        .withTimeout(Duration.ofSeconds(5)).withRetries(4, Duration.ofMillis(10), Duration.ofSeconds(2));
  }

  private ChatClient client(ChatConfig config) {
    return new ChatClient(config, Map.of("LLM_KEY", KEY));
  }

  private static ObjectNode textRequest(String text) {
    ObjectNode body = JSON.createObjectNode();
    body.putArray("messages").addObject().put("role", "user").put("content", text);
    return body;
  }

  private static ChatException failure(ChatClient client) throws InterruptedException {
    try {
      client.complete(textRequest("hello"));
    } catch (ChatException e) {
      return e;
    }
    throw new AssertionError("expected the request to fail");
  }

  @Test
  void sendsTheModelAndKeyAndReturnsTheAnswer() throws Exception {
    server.answer("A red circle rolls to the right.");
    ChatClient client = client(config());
    assertThat(client.complete(textRequest("fuse these captions"))).isEqualTo("A red circle rolls to the right.");
    ScriptedChatServer.Received r = server.received().get(0);
    assertThat(r.authorization()).isEqualTo("Bearer " + KEY);
    assertThat(r.body().path("model").asText()).isEqualTo("glm-4");
    assertThat(r.body().path("messages").path(0).path("content").asText()).isEqualTo("fuse these captions");
    assertThat(client.requests()).isEqualTo(1);
    assertThat(client.retries()).isZero();
  }

  @Test
  void retriesRateLimitsHonouringRetryAfter() throws Exception {
    server.then(new Fault.Status(429, "0.3"));
    ChatClient client = client(config());
    client.complete(textRequest("x"));
    assertThat(client.retries()).isEqualTo(1);
    List<ScriptedChatServer.Received> got = server.received();
    assertThat(got).hasSize(2);
    assertThat(got.get(1).atNanos() - got.get(0).atNanos()).isGreaterThanOrEqualTo(300_000_000L);
  }

  @Test
  void retriesServerErrorsWithBackoffThenSucceeds() throws Exception {
    server.then(new Fault.Status(500, null), new Fault.Status(503, null));
    assertThat(client(config()).complete(textRequest("x"))).isNotEmpty();
    assertThat(server.received()).hasSize(3);
  }

  @Test
  void doesNotRetryClientErrorsAndNeverEchoesTheKey() throws Exception {
    server.then(new Fault.Status(400, null));
    ChatException e = failure(client(config()));
    assertThat(e.kind()).isEqualTo("ClientError");
    assertThat(e.getMessage()).contains("HTTP 400").doesNotContain(KEY);
    assertThat(e.attempts()).isEqualTo(1);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void givesUpAfterMaxAttemptsWithTheLastReason() throws Exception {
    server.then(new Fault.Status(502, null), new Fault.Status(502, null), new Fault.Status(502, null),
        new Fault.Status(502, null));
    ChatException e = failure(client(config()));
    assertThat(e.kind()).isEqualTo("ServerError");
    assertThat(e.getMessage()).contains("HTTP 502").contains("gave up after 4 attempts");
    assertThat(e.attempts()).isEqualTo(4);
  }

  @Test
  void timesOutAHungRequestAndRetriesIt() throws Exception {
    server.then(new Fault.Hang(3000));
    long t0 = System.nanoTime();
    assertThat(client(config().withTimeout(Duration.ofMillis(300))).complete(textRequest("x"))).isNotEmpty();
    assertThat(System.nanoTime() - t0).isLessThan(2_500_000_000L);
    assertThat(server.received()).hasSize(2);
  }

  @Test
  void badAnswersAreTypedFailures() throws Exception {
    server.then(new Fault.Malformed(), new Fault.Empty(), new Fault.Truncated(), new Fault.NotText());
    ChatClient client = client(config().withConcurrency(1));
    List<String> kinds = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      kinds.add(failure(client).kind());
    }
    assertThat(kinds).containsExactly("MalformedAnswer", "EmptyAnswer", "TruncatedAnswer", "NotText");
    assertThat(client.complete(textRequest("x"))).isNotEmpty();
  }

  @Test
  void sendHandsBackEmptyAndCutOffAnswersForTheCallerToCheck() throws Exception {
    server.answer("A red circle rolls to the right.");
    server.then(new Fault.Truncated(), new Fault.Empty());
    ChatClient client = client(config().withConcurrency(1));
    assertThat(client.send(textRequest("x"))).isEqualTo(new ChatAnswer("A red circle rol", true, 1));
    assertThat(client.send(textRequest("x"))).isEqualTo(new ChatAnswer("", false, 1));
    assertThat(client.send(textRequest("x"))).isEqualTo(new ChatAnswer("A red circle rolls to the right.", false, 1));
  }

  @Test
  void anUnreachableEndpointFailsWithAConnectionError() throws Exception {
    String endpoint = server.endpoint();
    server.close();
    ChatConfig config = ChatConfig.of(endpoint, "m").withRetries(2, Duration.ofMillis(5), Duration.ofMillis(10));
    ChatException e = failure(new ChatClient(config, Map.of()));
    assertThat(e.kind()).isEqualTo("Connection");
    assertThat(e.attempts()).isEqualTo(2);
  }

  @Test
  void aMissingKeyVariableIsAClearErrorThatNamesTheVariable() {
    assertThatThrownBy(() -> new ChatClient(config(), Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LLM_KEY");
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
