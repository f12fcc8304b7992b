package dev.reelscribe.models.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client for OpenAI-compatible {@code POST /chat/completions}: at most {@code concurrency}
 * requests in flight, a timeout per request, retries with exponential backoff and jitter on 429,
 * 5xx, timeouts and connection errors (a {@code Retry-After} header is honoured), no retry on other
 * 4xx. Answers that are empty, cut off ({@code finish_reason: length}) or not text are failures.
 * Thread-safe; share one per endpoint per JVM.
 *
 * <p>The API key is read once from the configured environment variable and only ever sent in the
 * {@code Authorization} header; no message, log line or output contains it.
 */
public final class ChatClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ChatConfig config;
  private final String authorization;
  private final HttpClient http;
  private final Semaphore inFlight;
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();

  public ChatClient(ChatConfig config) {
    this(config, System.getenv());
  }

  /** With an explicit environment, for tests. */
  public ChatClient(ChatConfig config, Map<String, String> env) {
    this.config = config;
    String key = null;
    if (config.apiKeyEnv() != null && !config.apiKeyEnv().isBlank()) {
      key = env.get(config.apiKeyEnv());
      if (key == null || key.isBlank()) {
        throw new IllegalArgumentException("environment variable " + config.apiKeyEnv() + " (the API key) is not set");
      }
    }
    this.authorization = key == null ? null : "Bearer " + key;
    this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    this.inFlight = new Semaphore(config.concurrency(), true);
  }

  public ChatConfig config() {
    return config;
  }

  /** Requests sent, counting retries. */
  public long requests() {
    return requests.get();
  }

  public long retries() {
    return retries.get();
  }

  /**
   * Sends one chat-completions request (the {@code model} field is filled in) and returns the
   * answer's text; an empty answer or one cut off at the token limit is a {@link ChatException}.
   */
  public String complete(ObjectNode body) throws ChatException, InterruptedException {
    ChatAnswer answer = send(body);
    if (answer.truncated()) {
      throw new ChatException("TruncatedAnswer", "the answer was cut off at the token limit (finish_reason=length)",
          answer.attempts());
    }
    if (answer.text().isBlank()) {
      throw new ChatException("EmptyAnswer", "the answer is empty", answer.attempts());
    }
    return answer.text();
  }

  /**
   * Like {@link #complete} but hands back an empty or cut-off answer as it is, for callers that
   * check their output themselves (the fuser flags and reports them).
   */
  public ChatAnswer send(ObjectNode body) throws ChatException, InterruptedException {
    body.put("model", config.model());
    byte[] payload;
    try {
      payload = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("request body is not serialisable", e);
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(config.completionsUri())
        .timeout(config.timeout())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpRequest built = request.build();
    String lastProblem = "";
    String lastKind = "";
    for (int attempt = 1; ; attempt++) {
      Duration wait;
      HttpResponse<byte[]> response;
      inFlight.acquire();
      try {
        requests.incrementAndGet();
        response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
      } catch (HttpTimeoutException e) {
        response = null;
        lastKind = "Timeout";
        lastProblem = "no answer within " + config.timeout().toMillis() + " ms";
      } catch (IOException e) {
        response = null;
        lastKind = "Connection";
        lastProblem = (e instanceof ConnectException ? "cannot connect to " : "connection to ")
            + config.completionsUri() + " failed: " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage());
      } finally {
        inFlight.release();
      }
      wait = null;
      if (response != null) {
        int status = response.statusCode();
        if (status / 100 == 2) {
          return answer(response.body(), attempt);
        }
        String excerpt = excerpt(response.body());
        if (status == 429 || status / 100 == 5) {
          lastKind = status == 429 ? "RateLimited" : "ServerError";
          lastProblem = "HTTP " + status + " from " + config.completionsUri() + excerpt;
          wait = retryAfter(response);
        } else {
          throw new ChatException("ClientError", "HTTP " + status + " from " + config.completionsUri() + excerpt
              + " (not retried: a client error repeats)", attempt);
        }
      }
      if (attempt >= config.maxAttempts()) {
        throw new ChatException(lastKind, lastProblem + " (gave up after " + attempt + " attempts)", attempt);
      }
      retries.incrementAndGet();
      Thread.sleep(delay(attempt, wait).toMillis());
    }
  }

  /** Exponential backoff with jitter; at least {@code Retry-After} when the server gave one, capped. */
  Duration delay(int attempt, Duration retryAfter) {
    long base = config.backoff().toMillis() << Math.min(20, attempt - 1);
    long capped = Math.min(base, config.maxBackoff().toMillis());
    long jittered = capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    if (retryAfter != null) {
      jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), config.maxBackoff().toMillis()));
    }
    return Duration.ofMillis(jittered);
  }

  static Duration retryAfter(HttpResponse<?> response) {
    String value = response.headers().firstValue("Retry-After").orElse(null);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (RuntimeException unreadable) {
        return null;
      }
    }
  }

  private static ChatAnswer answer(byte[] body, int attempts) throws ChatException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new ChatException("MalformedAnswer", "the answer is not JSON" + excerpt(body), attempts);
    }
    JsonNode choice = root == null ? null : root.path("choices").path(0);
    if (choice == null || choice.isMissingNode()) {
      throw new ChatException("MalformedAnswer", "the answer has no choices" + excerpt(body), attempts);
    }
    boolean truncated = "length".equals(choice.path("finish_reason").asText(null));
    JsonNode content = choice.path("message").path("content");
    String text;
    if (content.isTextual()) {
      text = content.asText();
    } else if (content.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : content) {
        if (part.path("text").isTextual()) {
          sb.append(part.path("text").asText());
        }
      }
      if (sb.length() == 0) {
        throw new ChatException("NotText", "the answer's content has no text parts", attempts);
      }
      text = sb.toString();
    } else {
      if (content.isMissingNode() || content.isNull()) {
        return new ChatAnswer("", truncated, attempts);
      }
      throw new ChatException("NotText", "the answer's message content is " + content.getNodeType(), attempts);
    }
    return new ChatAnswer(text.strip(), truncated, attempts);
  }

  private static String excerpt(byte[] body) {
    if (body == null || body.length == 0) {
      return "";
    }
    String s = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ");
    return ": " + s + (body.length > 200 ? "…" : "");
  }
}
