package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.builtin.CaptionerConfig;
import dev.reelscribe.captioner.remote.RemoteFrameCaptioner;
import dev.reelscribe.models.chat.ChatConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** The flags that choose and tune a frame captioner, shared by {@code caption} and {@code eval frame-captioner}. */
final class CaptionerOptions {
  @Option(names = {"--frame-captioner-model", "--model"}, paramLabel = "DIR",
      description = "A frame-captioner model directory (config.json + frame-captioner-0000.params) to use "
          + "instead of the built-in weights.")
  String modelDir;

  @Option(names = "--beam", paramLabel = "K", description = "Beam width of the built-in/local captioner; 1 is greedy. Default: ${DEFAULT-VALUE}.")
  int beam = 1;

  @Option(names = "--hedge-below", paramLabel = "P", description = "Built-in/local captioner: write a shape the "
      + "model chose with a probability below P as the generic \"shape\" (\"a small green shape on the left\"), "
      + "keeping its colour, size and place; 0 turns it off. Default: the model's config.json (the built-in model: "
      + CaptionerConfig.BUILTIN_HEDGE_BELOW + ").")
  Double hedgeBelow;

  @Option(names = "--grid-places", negatable = true, description = "Built-in/local captioner: check each "
      + "mentioned object's place against the model's grid head (which colour is centred in each cell of an 8x8 "
      + "grid) and take the place from it where they disagree; --no-grid-places turns it off. Default: the model's "
      + "config.json (the built-in model: on).")
  Boolean gridPlaces;

  @Option(names = {"--caption-batch", "--batch"}, paramLabel = "N",
      description = "Frames per model call (built-in/local). Default: ${DEFAULT-VALUE}.")
  int batch = 32;

  @Option(names = "--vlm-endpoint", paramLabel = "URL",
      description = "OpenAI-compatible endpoint, e.g. http://host:8000/v1; selects the remote captioner.")
  String vlmEndpoint;

  @Option(names = "--vlm-model", paramLabel = "NAME", description = "Model name the endpoint serves.")
  String vlmModel;

  @Option(names = "--vlm-api-key-env", paramLabel = "VAR",
      description = "Environment variable holding the API key (sent as a bearer token, never logged).")
  String vlmApiKeyEnv;

  @Option(names = "--vlm-prompt", paramLabel = "TEXT", description = "Instruction sent with each frame. Default: a "
      + "request for objects, sizes, colours, shapes, positions, background and on-screen text.")
  String vlmPrompt;

  @Option(names = "--vlm-concurrency", paramLabel = "N", description = "Requests in flight per worker JVM. Default: ${DEFAULT-VALUE}.")
  int vlmConcurrency = 8;

  @Option(names = "--vlm-timeout", paramLabel = "S", description = "Per-request timeout, seconds. Default: ${DEFAULT-VALUE}.")
  int vlmTimeout = 60;

  @Option(names = "--vlm-max-attempts", paramLabel = "N",
      description = "Attempts per frame on 429/5xx/timeouts (backoff with jitter). Default: ${DEFAULT-VALUE}.")
  int vlmMaxAttempts = 5;

  @Option(names = "--vlm-max-tokens", paramLabel = "N", description = "Answer token budget. Default: ${DEFAULT-VALUE}.")
  int vlmMaxTokens = 128;

  /** A problem with these flags, or null. */
  String validate() {
    if (vlmEndpoint != null && modelDir != null) {
      return "--vlm-endpoint and --frame-captioner-model choose different captioners; give one";
    }
    if (vlmEndpoint != null && vlmModel == null) {
      return "--vlm-endpoint needs --vlm-model (the model name the server serves)";
    }
    if (modelDir != null && !Files.isRegularFile(Path.of(modelDir, "config.json"))) {
      return "--frame-captioner-model " + modelDir + " is not a model directory (no config.json)";
    }
    if (vlmEndpoint != null && hedgeBelow != null) {
      return "--hedge-below is for the built-in/local captioner, not a --vlm-endpoint";
    }
    if (vlmEndpoint != null && gridPlaces != null) {
      return "--grid-places is for the built-in/local captioner, not a --vlm-endpoint";
    }
    if (vlmApiKeyEnv != null && System.getenv(vlmApiKeyEnv) == null) {
      return "--vlm-api-key-env " + vlmApiKeyEnv + ": that environment variable is not set";
    }
    try {
      spec();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
    return null;
  }

  CaptionerSpec spec() {
    if (vlmEndpoint != null) {
      ChatConfig chat = ChatConfig.of(vlmEndpoint, vlmModel).withApiKeyEnv(vlmApiKeyEnv)
          .withConcurrency(vlmConcurrency).withTimeout(Duration.ofSeconds(vlmTimeout))
          .withRetries(vlmMaxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30));
      return new CaptionerSpec("remote", null, 1, batch, chat, vlmPrompt, vlmMaxTokens, CaptionerSpec.MODEL_HEDGE,
          null);
    }
    CaptionerSpec spec = modelDir != null ? CaptionerSpec.local(modelDir) : CaptionerSpec.builtin();
    spec = spec.withBeamWidth(beam).withBatchSize(batch);
    spec = hedgeBelow == null ? spec : spec.withHedgeBelow(hedgeBelow);
    return spec.withGridPlaces(gridPlaces);
  }

  /** The captioner's configuration for run.json: never the key, only the variable's name. */
  Map<String, Object> describe() {
    CaptionerSpec spec = spec();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("backend", spec.backend());
    if (spec.modelDir() != null) {
      out.put("modelDir", spec.modelDir());
    }
    if (spec.chat() != null) {
      out.put("endpoint", spec.chat().completionsUri().toString());
      out.put("model", spec.chat().model());
      out.put("apiKeyEnv", spec.chat().apiKeyEnv());
      out.put("concurrency", spec.chat().concurrency());
      out.put("prompt", spec.prompt() == null ? RemoteFrameCaptioner.DEFAULT_PROMPT : spec.prompt());
    } else {
      out.put("beam", spec.beamWidth());
      out.put("batch", spec.batchSize());
      if (spec.hedgeBelow() != CaptionerSpec.MODEL_HEDGE) {
        out.put("hedgeBelow", spec.hedgeBelow());
      }
      if (spec.gridPlaces() != null) {
        out.put("gridPlaces", spec.gridPlaces());
      }
    }
    return out;
  }
}
