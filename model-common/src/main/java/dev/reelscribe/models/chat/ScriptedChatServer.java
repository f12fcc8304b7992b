package dev.reelscribe.models.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A local HTTP server on 127.0.0.1 that speaks OpenAI chat completions, for testing and
 * benchmarking the client around a model, never as a model: it answers a fixed text after a fixed
 * latency, and can be told to misbehave for the next requests (status codes with or without {@code
 * Retry-After}, hangs, malformed JSON, empty, cut-off or non-text answers).
 */
public final class ScriptedChatServer implements AutoCloseable {
  /** What the server does with one request. */
  public sealed interface Fault {
    record Status(int code, String retryAfter) implements Fault {}

    record Hang(long millis) implements Fault {}

    record Malformed() implements Fault {}

    record Empty() implements Fault {}

    record Truncated() implements Fault {}

    record NotText() implements Fault {}
  }

  /** One request as received. */
  public record Received(String authorization, JsonNode body, long atNanos) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
    // the client's delayed ACK add about 40 ms to every answer, which would be the server's latency,
    // not the client's. Read once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final HttpServer server;
  private final ConcurrentLinkedDeque<Fault> faults = new ConcurrentLinkedDeque<>();
  private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private volatile long latencyMillis;
  private volatile Function<JsonNode, String> answer =
      request -> "A small red circle in the center on a plain black background.";

  public ScriptedChatServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "scripted-chat-server");
      t.setDaemon(true);
      return t;
    }));
    server.start();
  }

  /** The base URL to configure a client with: {@code http://127.0.0.1:PORT/v1}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  public ScriptedChatServer latency(long millis) {
    this.latencyMillis = millis;
    return this;
  }

  /** Answers every request with this text. */
  public ScriptedChatServer answer(String text) {
    this.answer = request -> text;
    return this;
  }

  /** Answers each request with what this function makes of its JSON body. */
  public ScriptedChatServer answerWith(Function<JsonNode, String> responder) {
    this.answer = responder;
    return this;
  }

  /** The next requests get these faults, in order; later ones are answered normally. */
  public ScriptedChatServer then(Fault... next) {
    faults.addAll(List.of(next));
    return this;
  }

  public List<Received> received() {
    synchronized (received) {
      return List.copyOf(received);
    }
  }

  /** Most requests seen in flight at once. */
  public int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    try (exchange) {
      JsonNode body;
      try {
        body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      } catch (IOException e) {
        send(exchange, 400, "{\"error\":{\"message\":\"bad json\"}}");
        return;
      }
      received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body, System.nanoTime()));
      if (!"POST".equals(exchange.getRequestMethod())) {
        send(exchange, 405, "{\"error\":{\"message\":\"POST only\"}}");
        return;
      }
      sleep(latencyMillis);
      String answer = this.answer.apply(body);
      Fault fault = faults.pollFirst();
      if (fault instanceof Fault.Status s) {
        if (s.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", s.retryAfter());
        }
        send(exchange, s.code(), "{\"error\":{\"message\":\"scripted status " + s.code() + "\"}}");
      } else if (fault instanceof Fault.Hang h) {
        sleep(h.millis());
        send(exchange, 200, completion(JSON.getNodeFactory().textNode(answer), "stop"));
      } else if (fault instanceof Fault.Malformed) {
        send(exchange, 200, "{\"choices\": [ {\"message\": ");
      } else if (fault instanceof Fault.Empty) {
        send(exchange, 200, completion(JSON.getNodeFactory().textNode(""), "stop"));
      } else if (fault instanceof Fault.Truncated) {
        send(exchange, 200, completion(JSON.getNodeFactory().textNode(answer.substring(0, answer.length() / 2)),
            "length"));
      } else if (fault instanceof Fault.NotText) {
        send(exchange, 200, completion(JSON.getNodeFactory().numberNode(42), "stop"));
      } else {
        send(exchange, 200, completion(JSON.getNodeFactory().textNode(answer), "stop"));
      }
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static String completion(JsonNode content, String finish) throws IOException {
    var root = JSON.createObjectNode();
    root.put("id", "chatcmpl-local").put("object", "chat.completion").put("model", "scripted");
    var choice = root.putArray("choices").addObject();
    choice.put("index", 0).put("finish_reason", finish);
    choice.putObject("message").put("role", "assistant").set("content", content);
    return JSON.writeValueAsString(root);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    } catch (IOException clientGone) {
      // the client timed out and closed the connection
    }
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
