package dev.reelscribe.pipelines.cli;

import dev.reelscribe.fuser.FuserSpec;
import dev.reelscribe.fuser.check.QaPolicy;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The flags that choose and tune the caption fuser (the model that writes dense descriptions): the
 * built-in fuser by default, a fuser model directory with {@code --fuser-model}, an LLM behind an
 * OpenAI-compatible endpoint with {@code --llm-endpoint}, or none with {@code --no-fuse}.
 */
final class FuserOptions {
  @Mixin LlmOptions llm = new LlmOptions();

  @Option(names = "--fuser-model", paramLabel = "DIR",
      description = "A fuser model directory written by `reelscribe train fuser` instead of the built-in fuser.")
  Path modelDir;

  @Option(names = "--no-fuse", description = "Stop at frame captions: no dense descriptions.")
  boolean noFuse;

  @Option(names = "--fuser-prompt", paramLabel = "FILE",
      description = "With --llm-endpoint: a prompt file ([system] and [user] sections, placeholders {{max_words}} "
          + "{{duration}} {{short_caption}} {{frames}}) instead of the built-in fuse-v1.")
  Path promptFile;

  @Option(names = "--fuser-max-words", paramLabel = "N",
      description = "With --llm-endpoint: word limit the prompt asks for. Default: ${DEFAULT-VALUE}.")
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
    return !noFuse;
  }

  /** A problem with these flags, or null. */
  String validate() {
    if (noFuse && (llm.enabled() || modelDir != null)) {
      return "--no-fuse does not go with --llm-endpoint or --fuser-model";
    }
    if (llm.enabled() && modelDir != null) {
      return "give --llm-endpoint or --fuser-model, not both";
    }
    if (!llm.enabled()) {
      for (Object other : new Object[] {llm.model, llm.apiKeyEnv, promptFile}) {
        if (other != null) {
          return "the --llm-*/--fuser-prompt flags need --llm-endpoint";
        }
      }
    } else {
      String problem = llm.validate();
      if (problem != null) {
        return problem;
      }
    }
    if (modelDir != null && !Files.isRegularFile(modelDir.resolve("config.json"))) {
      return "--fuser-model " + modelDir + ": not a fuser model directory (no config.json)";
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
    FuserSpec base = llm.enabled() ? FuserSpec.remote(llm.chat())
        : modelDir != null ? FuserSpec.local(modelDir.toString()) : FuserSpec.builtin();
    FuserSpec spec = base.withLimits(maxWords, llm.maxTokens, tokenBudget).withReject(reject).withBatchSize(batch);
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
    if (spec.chat() != null) {
      out.put("endpoint", spec.chat().completionsUri().toString());
      out.put("model", spec.chat().model());
      out.put("apiKeyEnv", spec.chat().apiKeyEnv());
      out.put("concurrency", spec.chat().concurrency());
      out.put("maxWords", spec.maxWords());
    }
    if (spec.modelDir() != null) {
      out.put("modelDir", spec.modelDir());
    }
    out.put("promptVersion", spec.prompt().version());
    out.put("tokenBudget", spec.tokenBudget());
    out.put("reject", QaPolicy.parse(spec.reject()).describe());
    return out;
  }
}
