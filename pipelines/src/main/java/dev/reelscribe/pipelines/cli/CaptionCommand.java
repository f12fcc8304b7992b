package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.remote.ChatConfig;
import dev.reelscribe.captioner.remote.RemoteFrameCaptioner;
import dev.reelscribe.pipelines.caption.CaptionMetrics;
import dev.reelscribe.pipelines.caption.CaptionPipeline;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code reelscribe caption}: extract, then caption every sampled frame with an image VLM. */
@Command(
    name = "caption",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Runs extract, then captions every sampled frame of every kept clip with an image",
        "vision-language model, and writes records/frame-captions/part-*.{parquet,jsonl} besides",
        "extract's outputs. Frame captioners:",
        "  builtin   the committed model trained on synthworld (default; CPU, DJL + PyTorch)",
        "  local     --frame-captioner-model DIR: weights from `reelscribe train frame-captioner`",
        "  remote    --vlm-endpoint URL --vlm-model NAME: any OpenAI-compatible chat-completions",
        "            server (vLLM, SGLang, LMDeploy, Ollama, llama.cpp, GLM-4V API) with CogVLM2,",
        "            Qwen2-VL, GLM-4V, LLaVA...; the key comes from --vlm-api-key-env.",
        "",
        "Other --flags go to Apache Beam, e.g. --runner=FlinkRunner --flinkMaster=[local]."},
    footer = {"", "Examples:",
        "  reelscribe caption                          # synthworld clips, built-in captioner",
        "  reelscribe caption --input videos/ --output out/caption --frame-captioner-model models/fc",
        "  VLM_KEY=... reelscribe caption --input videos/ --vlm-endpoint http://gpu:8000/v1 \\",
        "      --vlm-model Qwen/Qwen2-VL-7B-Instruct --vlm-api-key-env VLM_KEY --vlm-concurrency 32"})
public final class CaptionCommand extends ExtractCommand {
  @Option(names = "--frame-captioner-model", paramLabel = "DIR",
      description = "A frame-captioner model directory (config.json + frame-captioner-0000.params) to use "
          + "instead of the built-in weights.")
  String frameCaptionerModel;

  @Option(names = "--beam", paramLabel = "K", description = "Beam width of the built-in/local captioner; 1 is greedy. Default: ${DEFAULT-VALUE}.")
  int beam = 1;

  @Option(names = "--caption-batch", paramLabel = "N", description = "Frames per model call (built-in/local). Default: ${DEFAULT-VALUE}.")
  int captionBatch = 32;

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

  public CaptionCommand() {
    output = "reelscribe-out/caption";
  }

  @Override
  String name() {
    return "caption";
  }

  @Override
  String validate() {
    if (vlmEndpoint != null && frameCaptionerModel != null) {
      return "--vlm-endpoint and --frame-captioner-model choose different captioners; give one";
    }
    if (vlmEndpoint != null && vlmModel == null) {
      return "--vlm-endpoint needs --vlm-model (the model name the server serves)";
    }
    if (frameCaptionerModel != null && !Files.isRegularFile(Path.of(frameCaptionerModel, "config.json"))) {
      return "--frame-captioner-model " + frameCaptionerModel + " is not a model directory (no config.json)";
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
      if (vlmApiKeyEnv != null && System.getenv(vlmApiKeyEnv) == null) {
        throw new IllegalArgumentException("--vlm-api-key-env " + vlmApiKeyEnv + ": that environment variable is not set");
      }
      return new CaptionerSpec("remote", null, 1, captionBatch, chat, vlmPrompt, vlmMaxTokens);
    }
    CaptionerSpec spec = frameCaptionerModel != null ? CaptionerSpec.local(frameCaptionerModel) : CaptionerSpec.builtin();
    return spec.withBeamWidth(beam).withBatchSize(captionBatch);
  }

  @Override
  void build(Pipeline pipeline, ExtractOptions options) throws Exception {
    CaptionPipeline.applyTransforms(pipeline, options, spec());
  }

  @Override
  Map<String, Long> stageCounters(PipelineResult result) {
    return RunReport.counters(result, CaptionMetrics.NAMESPACE);
  }

  @Override
  void addConfig(Map<String, Object> config) {
    CaptionerSpec spec = spec();
    Map<String, Object> captioner = new LinkedHashMap<>();
    captioner.put("backend", spec.backend());
    if (spec.modelDir() != null) {
      captioner.put("modelDir", spec.modelDir());
    }
    if (spec.chat() != null) {
      captioner.put("endpoint", spec.chat().completionsUri().toString());
      captioner.put("model", spec.chat().model());
      captioner.put("apiKeyEnv", spec.chat().apiKeyEnv());
      captioner.put("concurrency", spec.chat().concurrency());
      captioner.put("prompt", spec.prompt() == null ? RemoteFrameCaptioner.DEFAULT_PROMPT : spec.prompt());
    } else {
      captioner.put("beam", spec.beamWidth());
      captioner.put("batch", spec.batchSize());
    }
    config.put("frameCaptioner", captioner);
  }

  @Override
  String summary(Map<String, Long> c) {
    return String.format(", %d frames captioned (%d failed)", c.getOrDefault(CaptionMetrics.FRAMES_CAPTIONED, 0L),
        c.getOrDefault(CaptionMetrics.FRAMES_FAILED, 0L));
  }
}
