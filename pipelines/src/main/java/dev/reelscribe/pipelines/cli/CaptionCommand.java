package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.pipelines.caption.CaptionMetrics;
import dev.reelscribe.pipelines.caption.CaptionPipeline;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

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
  @Mixin CaptionerOptions captioner = new CaptionerOptions();

  public CaptionCommand() {
    output = "reelscribe-out/caption";
  }

  @Override
  String name() {
    return "caption";
  }

  @Override
  String validate() {
    return captioner.validate();
  }

  CaptionerSpec spec() {
    return captioner.spec();
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
    config.put("frameCaptioner", captioner.describe());
  }

  @Override
  String summary(Map<String, Long> c) {
    return String.format(", %d frames captioned (%d failed)", c.getOrDefault(CaptionMetrics.FRAMES_CAPTIONED, 0L),
        c.getOrDefault(CaptionMetrics.FRAMES_FAILED, 0L));
  }
}
