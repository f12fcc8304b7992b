package dev.reelscribe.pipelines.cli;

import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.fuser.check.QaPolicy;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.models.chat.ChatConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags that choose and tune the caption fuser (the LLM that writes dense descriptions). */
final class FuserOptions {
  @Option(names = "--llm-endpoint", paramLabel = "URL",
      description = "OpenAI-compatible endpoint of the fusing LLM, e.g. http://host:8000/v1; turns on fusion.")
  String endpoint;

  @Option(names = "--llm-model", paramLabel = "NAME", description = "Model name the LLM endpoint serves.")
  String model;

  @Option(names = "--llm-api-key-env", paramLabel = "VAR",
      description = "Environment variable holding the LLM's API key (sent as a bearer token, never logged).")
  String apiKeyEnv;

  @Option(names = "--llm-concurrency", paramLabel = "N", description = "LLM requests in flight per worker JVM. Default: ${DEFAULT-VALUE}.")
  int concurrency = 8;

  @Option(names = "--llm-timeout", paramLabel = "S", description = "Per-request timeout, seconds. Default: ${DEFAULT-VALUE}.")
  int timeout = 120;

  @Option(names = "--llm-max-attempts", paramLabel = "N",
      description = "Attempts per clip on 429/5xx/timeouts (backoff with jitter). Default: ${DEFAULT-VALUE}.")
  int maxAttempts = 5;

  @Option(names = "--llm-max-tokens", paramLabel = "N", description = "Answer token budget sent to the LLM. Default: ${DEFAULT-VALUE}.")
  int maxTokens = 512;

  @Option(names = "--fuser-prompt", paramLabel = "FILE",
      description = "A prompt file ([system] and [user] sections, placeholders {{max_words}} {{duration}} "
          + "{{short_caption}} {{frames}}) instead of the built-in fuse-v1.")
  Path promptFile;

  @Option(names = "--fuser-max-words", paramLabel = "N", description = "Word limit the prompt asks for. Default: ${DEFAULT-VALUE}.")
  int maxWords = 160;

  @Option(names = "--token-budget", paramLabel = "N",
      description = "The generator's text budget in T5 tokens (CogVideoX: 226); longer descriptions are flagged "
          + "over_budget. Default: ${DEFAULT-VALUE}.")
  int tokenBudget = 226;

  @Option(names = "--fuser-reject", paramLabel = "FLAGS",
      description = "QA flags that keep a description out of the corpus: all, none, or a list of empty, cut_off, "
          + "repetition, over_budget, unsupported. Default: ${DEFAULT-VALUE}.")
  String reject = "all";

  @Option(names = "--fuse-batch", paramLabel = "N", description = "Clips per fuser call. Default: ${DEFAULT-VALUE}.")
  int batch = 8;

  boolean enabled() {
    return endpoint != null;
  }

  /** A problem with these flags, or null. */
  String validate() {
    if (endpoint == null) {
      for (Object other : new Object[] {model, apiKeyEnv, promptFile}) {
        if (other != null) {
          return "the --llm-*/--fuser-prompt flags need --llm-endpoint";
        }
      }
      return null;
    }
    if (model == null) {
      return "--llm-endpoint needs --llm-model (the model name the server serves)";
    }
    if (apiKeyEnv != null && System.getenv(apiKeyEnv) == null) {
      return "--llm-api-key-env " + apiKeyEnv + ": that environment variable is not set";
    }
    try {
      QaPolicy.parse(reject);
      spec();
    } catch (IllegalArgumentException | IOException e) {
      return e.getMessage();
    }
    return null;
  }

  FuserSpec spec() throws IOException {
    ChatConfig chat = ChatConfig.of(endpoint, model).withApiKeyEnv(apiKeyEnv).withConcurrency(concurrency)
        .withTimeout(Duration.ofSeconds(timeout)).withRetries(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30));
    FuserSpec spec = FuserSpec.remote(chat).withLimits(maxWords, maxTokens, tokenBudget).withReject(reject)
        .withBatchSize(batch);
    if (promptFile != null) {
      try {
        spec = spec.withPrompt(PromptTemplate.load(promptFile));
      } catch (IOException e) {
        throw new IOException("--fuser-prompt " + promptFile + ": cannot read it (" + e.getMessage() + ")", e);
      }
    }
    return spec;
  }

  /** The fuser's configuration for run.json: never the key, only the variable's name. */
  Map<String, Object> describe() throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    if (!enabled()) {
      out.put("backend", "none");
      return out;
    }
    FuserSpec spec = spec();
    out.put("backend", spec.backend());
    out.put("endpoint", chatUri(spec));
    out.put("model", spec.chat().model());
    out.put("apiKeyEnv", spec.chat().apiKeyEnv());
    out.put("concurrency", spec.chat().concurrency());
    out.put("promptVersion", spec.prompt().version());
    out.put("maxWords", spec.maxWords());
    out.put("tokenBudget", spec.tokenBudget());
    out.put("reject", QaPolicy.parse(spec.reject()).describe());
    return out;
  }

  private static String chatUri(FuserSpec spec) {
    return spec.chat().completionsUri().toString();
  }
}
