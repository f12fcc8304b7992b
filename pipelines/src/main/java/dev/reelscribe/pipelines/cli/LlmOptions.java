package dev.reelscribe.pipelines.cli;

import dev.reelscribe.models.chat.ChatConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The flags that reach a text LLM behind an OpenAI-compatible endpoint, shared by the fuser and the upsampler. */
final class LlmOptions {
  @Option(names = "--llm-endpoint", paramLabel = "URL",
      description = "OpenAI-compatible endpoint of the LLM, e.g. http://host:8000/v1.")
  String endpoint;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name the LLM endpoint serves.")
  String model;

  @Option(names = "--llm-api-key-env", paramLabel = "VAR",
      description = "Environment variable holding the LLM's API key (sent as a bearer token, never logged).")
  String apiKeyEnv;

  @Option(names = "--llm-concurrency", paramLabel = "N", description = "LLM requests in flight per JVM. Default: ${DEFAULT-VALUE}.")
  int concurrency = 8;

  @Option(names = "--llm-timeout", paramLabel = "S", description = "Per-request timeout, seconds. Default: ${DEFAULT-VALUE}.")
  int timeout = 120;

  @Option(names = "--llm-max-attempts", paramLabel = "N",
      description = "Attempts per request on 429/5xx/timeouts (backoff with jitter). Default: ${DEFAULT-VALUE}.")
  int maxAttempts = 5;

  @Option(names = "--llm-max-tokens", paramLabel = "N", description = "Answer token budget sent to the LLM. Default: ${DEFAULT-VALUE}.")
  int maxTokens = 512;

  boolean enabled() {
    return endpoint != null;
  }

  /** A problem with these flags, or null; only called when an endpoint is given. */
  String validate() {
    if (model == null) {
      return "--llm-endpoint needs --llm-model (the model name the server serves)";
    }
    if (apiKeyEnv != null && System.getenv(apiKeyEnv) == null) {
      return "--llm-api-key-env " + apiKeyEnv + ": that environment variable is not set";
    }
    try {
      chat();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  ChatConfig chat() {
    return ChatConfig.of(endpoint, model).withApiKeyEnv(apiKeyEnv).withConcurrency(concurrency)
        .withTimeout(Duration.ofSeconds(timeout)).withRetries(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30));
  }
}
