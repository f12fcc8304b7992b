package dev.reelscribe.models.chat;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach an OpenAI-compatible chat-completions endpoint (vLLM, SGLang, LMDeploy, Ollama,
 * llama.cpp's server, Zhipu's GLM API, OpenAI). Holds the <em>name</em> of the environment variable
 * with the API key, never the key.
 *
 * @param endpoint base URL ({@code http://host:8000/v1}) or the full {@code .../chat/completions} URL
 * @param model the model name the server expects
 * @param apiKeyEnv environment variable holding the bearer token, or null for none
 * @param concurrency requests in flight at most, per JVM
 * @param timeout per request
 * @param maxAttempts attempts per request, including the first (retries only on 429, 5xx, timeouts
 *     and connection errors)
 * @param backoff first retry delay; doubles each retry, with jitter, up to {@code maxBackoff}
 * @param maxBackoff longest delay between attempts, also the cap on an honoured {@code Retry-After}
 */
public record ChatConfig(
    String endpoint,
    String model,
    String apiKeyEnv,
    int concurrency,
    Duration timeout,
    int maxAttempts,
    Duration backoff,
    Duration maxBackoff) implements Serializable {

  public ChatConfig {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(model, "model");
    URI uri = URI.create(endpoint);
    if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new IllegalArgumentException("endpoint must be an http(s) URL, got '" + endpoint + "'");
    }
    if (concurrency < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException("concurrency and maxAttempts must be at least 1");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  public static ChatConfig of(String endpoint, String model) {
    return new ChatConfig(endpoint, model, null, 8, Duration.ofSeconds(60), 5, Duration.ofMillis(500),
        Duration.ofSeconds(30));
  }

  public ChatConfig withApiKeyEnv(String env) {
    return new ChatConfig(endpoint, model, env, concurrency, timeout, maxAttempts, backoff, maxBackoff);
  }

  public ChatConfig withConcurrency(int n) {
    return new ChatConfig(endpoint, model, apiKeyEnv, n, timeout, maxAttempts, backoff, maxBackoff);
  }

  public ChatConfig withTimeout(Duration t) {
    return new ChatConfig(endpoint, model, apiKeyEnv, concurrency, t, maxAttempts, backoff, maxBackoff);
  }

  public ChatConfig withRetries(int attempts, Duration first, Duration max) {
    return new ChatConfig(endpoint, model, apiKeyEnv, concurrency, timeout, attempts, first, max);
  }

  /** The chat-completions URL. */
  public URI completionsUri() {
    String e = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    return URI.create(e.endsWith("/chat/completions") ? e : e + "/chat/completions");
  }
}
