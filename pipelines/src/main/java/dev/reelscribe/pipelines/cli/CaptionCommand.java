package dev.reelscribe.pipelines.cli;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.pipelines.caption.CaptionMetrics;
import dev.reelscribe.pipelines.caption.CaptionPipeline;
import dev.reelscribe.pipelines.extract.ExtractMetrics;
import dev.reelscribe.pipelines.extract.ExtractOptions;
import dev.reelscribe.pipelines.corpus.CorpusMetrics;
import dev.reelscribe.pipelines.corpus.CorpusSpec;
import dev.reelscribe.pipelines.fuse.FuseMetrics;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
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
        "vision-language model (records/frame-captions/), then fuses each clip's timestamped frame",
        "captions into one dense, chronological description (records/dense-captions/), checked for",
        "empty, cut-off, looping, over-budget and unsupported output (--fuser-reject).",
        "Frame captioners:",
        "  builtin   the committed model trained on synthworld (default; CPU, DJL + PyTorch)",
        "  local     --frame-captioner-model DIR: weights from `reelscribe train frame-captioner`",
        "  remote    --vlm-endpoint URL --vlm-model NAME: any OpenAI-compatible chat-completions",
        "            server (vLLM, SGLang, LMDeploy, Ollama, llama.cpp, GLM-4V API) with CogVLM2,",
        "            Qwen2-VL, GLM-4V, LLaVA...; the key comes from --vlm-api-key-env.",
        "Fusers:",
        "  builtin   the committed seq2seq model trained on synthworld (default; CPU, DJL + PyTorch)",
        "  local     --fuser-model DIR: weights from `reelscribe train fuser`",
        "  remote    --llm-endpoint URL --llm-model NAME: an LLM (GLM-4, Llama, Qwen...) behind any",
        "            OpenAI-compatible server; the key comes from --llm-api-key-env.",
        "  none      --no-fuse: stop at frame captions.",
        "",
        "A rerun into the same --output decodes only new, changed or failed videos and keeps every frame",
        "caption and dense caption whose model and prompt are unchanged (--no-reuse: compute all again);",
        "nothing is published until the run succeeds.",
        "",
        "Other --flags go to Apache Beam, e.g. --runner=FlinkRunner --flinkMaster=[local], or",
        "--flinkMaster=127.0.0.1:8081 --streaming=false for the cluster `reelscribe flink start` runs."},
    footer = {"", "Examples:",
        "  reelscribe caption                          # synthworld clips, built-in captioner",
        "  reelscribe caption --input videos/ --output out/caption --frame-captioner-model models/fc",
        "  VLM_KEY=... reelscribe caption --input videos/ --vlm-endpoint http://gpu:8000/v1 \\",
        "      --vlm-model Qwen/Qwen2-VL-7B-Instruct --vlm-api-key-env VLM_KEY --vlm-concurrency 32",
        "  LLM_KEY=... reelscribe caption --input videos/ --llm-endpoint https://open.bigmodel.cn/api/paas/v4 \\",
        "      --llm-model glm-4-plus --llm-api-key-env LLM_KEY"})
public final class CaptionCommand extends ExtractCommand {
  @Mixin CaptionerOptions captioner = new CaptionerOptions();
  @Mixin FuserOptions fuser = new FuserOptions();
  @Mixin CorpusOptions corpus = new CorpusOptions();
  private final long startedMillis = System.currentTimeMillis();

  public CaptionCommand() {
    output = "reelscribe-out/caption";
  }

  @Override
  String name() {
    return "caption";
  }

  @Override
  String validate() {
    corpus.embeddedInput = embeddedInput;
    String problem = captioner.validate();
    if (problem == null) {
      problem = fuser.validate();
    }
    return problem != null ? problem : corpus.validate(fuser.enabled(), !noClips);
  }

  CaptionerSpec spec() {
    return captioner.spec();
  }

  @Override
  void build(Pipeline pipeline, ExtractOptions options) throws Exception {
    CaptionPipeline.applyTransforms(pipeline, options, spec(), fuser.enabled() ? fuser.spec() : null,
        fuser.enabled() ? corpus.spec(captioningConfig(), startedMillis).withReuseVideos(reuseVideos()) : null);
  }

  /** CogVideoX videos in the output are this run's if the last run made them with the same layout. */
  private boolean reuseVideos() {
    return !noReuse && previousRun != null && previousRun.exists() && previousRun.sameCogVideoXLayout(corpus.describe());
  }

  @Override
  List<String> replacedDirs() {
    List<String> dirs = super.replacedDirs();
    dirs.add("records/frame-captions");
    if (fuser.enabled()) {
      dirs.add("records/dense-captions");
      for (CorpusSpec.Format format : corpus.formatSet()) {
        String dir = switch (format) {
          case PARQUET, JSONL -> "corpus";
          case WEBDATASET -> "webdataset";
          case COGVIDEOX -> "cogvideox";
        };
        if (!dirs.contains(dir)) {
          dirs.add(dir);
        }
      }
    }
    return dirs;
  }

  /** What decides a corpus record's content, hashed into its provenance: no paths, no keys. */
  private Map<String, Object> captioningConfig() throws IOException {
    Map<String, Object> config = new LinkedHashMap<>(extractionConfig());
    config.put("frameCaptioner", contentOnly(captioner.describe()));
    config.put("fuser", contentOnly(fuser.describe()));
    return config;
  }

  /** Without where a model lives or how fast it is asked: the model ids are in the provenance. */
  private static Map<String, Object> contentOnly(Map<String, Object> described) {
    Map<String, Object> out = new LinkedHashMap<>(described);
    for (String key : new String[] {"modelDir", "batch", "concurrency", "apiKeyEnv", "endpoint"}) {
      out.remove(key);
    }
    return out;
  }

  @Override
  Map<String, Long> stageCounters(PipelineResult result) {
    Map<String, Long> counters = new LinkedHashMap<>(RunReport.counters(result, CaptionMetrics.NAMESPACE));
    counters.putAll(RunReport.counters(result, FuseMetrics.NAMESPACE));
    counters.putAll(RunReport.counters(result, CorpusMetrics.NAMESPACE));
    return counters;
  }

  @Override
  List<String> distributionNamespaces() {
    return List.of(ExtractMetrics.NAMESPACE, CaptionMetrics.NAMESPACE, FuseMetrics.NAMESPACE);
  }

  @Override
  void addConfig(Map<String, Object> config) throws IOException {
    config.put("frameCaptioner", captioner.describe());
    config.put("fuser", fuser.describe());
    config.put("corpus", fuser.enabled() ? corpus.describe() : Map.of("formats", List.of()));
  }

  @Override
  String summary(Map<String, Long> c) {
    long reusedCaptions = c.getOrDefault(CaptionMetrics.FRAMES_REUSED, 0L);
    String frames = String.format(", %d frames captioned (%s%d failed)",
        c.getOrDefault(CaptionMetrics.FRAMES_CAPTIONED, 0L) + reusedCaptions,
        reusedCaptions > 0 ? reusedCaptions + " reused, " : "", c.getOrDefault(CaptionMetrics.FRAMES_FAILED, 0L));
    if (!fuser.enabled()) {
      return frames;
    }
    long reusedFusions = c.getOrDefault(FuseMetrics.CLIPS_REUSED, 0L);
    return frames + String.format(", %d clips fused (%s%d rejected by checks, %d failed, %d skipped), %d corpus records",
        c.getOrDefault(FuseMetrics.CLIPS_FUSED, 0L) + reusedFusions, reusedFusions > 0 ? reusedFusions + " reused, " : "",
        c.getOrDefault(FuseMetrics.CLIPS_REJECTED, 0L),
        c.getOrDefault(FuseMetrics.CLIPS_FAILED, 0L), c.getOrDefault(FuseMetrics.CLIPS_SKIPPED, 0L),
        c.getOrDefault(CorpusMetrics.RECORDS, 0L));
  }
}
