package dev.reelscribe.pipelines.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.PromptUpsampler;
import dev.reelscribe.fuser.builtin.BuiltinPromptUpsampler;
import dev.reelscribe.fuser.check.OutputChecks;
import dev.reelscribe.fuser.check.QaPolicy;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.fuser.remote.RemotePromptUpsampler;
import dev.reelscribe.models.chat.ChatClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reelscribe upsample}: short prompts → the long, dense style the generator was trained on. */
@Command(
    name = "upsample",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
        "Rewrites short prompts into long, dense descriptions (CogVideoX's prompt conversion), so",
        "prompts at generation time read like the captions the generator was trained on. Each",
        "answer is checked (empty, cut off, looping, over --token-budget); prints one JSON object",
        "per prompt: prompt, text, promptVersion, tokenCount, qaFlags, and error or rejection.",
        "Upsamplers: the built-in one (default; the built-in fuser's model, trained on synthworld's",
        "short prompts), --upsampler-model DIR (from `reelscribe train fuser`), or an LLM with",
        "--llm-endpoint URL --llm-model NAME."},
    footer = {"", "Examples:",
        "  reelscribe upsample --prompt \"a red circle moving left on a navy background\"",
        "  reelscribe upsample --llm-endpoint http://127.0.0.1:8001/v1 --llm-model glm-4 \\",
        "      --prompt \"a red ball rolls across a table\"",
        "  reelscribe upsample --llm-endpoint ... --llm-model ... --prompts prompts.txt > long.jsonl"})
public final class UpsampleCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "A short prompt; repeatable.")
  List<String> prompts = new ArrayList<>();

  @Option(names = "--prompts", paramLabel = "FILE", description = "A file of short prompts, one a line.")
  Path promptsFile;

  @Mixin LlmOptions llm = new LlmOptions();

  @Option(names = "--upsampler-model", paramLabel = "DIR",
      description = "A fuser model directory written by `reelscribe train fuser` instead of the built-in upsampler.")
  Path modelDir;

  @Option(names = "--upsampler-prompt", paramLabel = "FILE",
      description = "With --llm-endpoint: a prompt file ([system] and [user] sections, placeholders {{max_words}} "
          + "{{prompt}}) instead of the built-in upsample-v1.")
  Path promptFile;

  @Option(names = "--max-words", paramLabel = "N", description = "Word limit the prompt asks for. Default: ${DEFAULT-VALUE}.")
  int maxWords = 160;

  @Option(names = "--token-budget", paramLabel = "N",
      description = "The generator's text budget in T5 tokens; longer answers are flagged over_budget. Default: ${DEFAULT-VALUE}.")
  int tokenBudget = OutputChecks.COGVIDEOX_TOKEN_BUDGET;

  @Option(names = "--reject", paramLabel = "FLAGS",
      description = "QA flags that reject an answer: all, none, or a list of empty, cut_off, repetition, "
          + "over_budget. Default: ${DEFAULT-VALUE}.")
  String reject = "empty,cut_off,repetition,over_budget";

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> all = new ArrayList<>(prompts);
    if (promptsFile != null) {
      if (!Files.isRegularFile(promptsFile)) {
        err.println("reelscribe upsample: --prompts " + promptsFile + " does not exist");
        return 2;
      }
      Files.readAllLines(promptsFile, StandardCharsets.UTF_8).stream().map(String::strip)
          .filter(l -> !l.isEmpty()).forEach(all::add);
    }
    String problem = all.isEmpty() ? "give --prompt TEXT or --prompts FILE"
        : llm.enabled() && modelDir != null ? "give --llm-endpoint or --upsampler-model, not both"
        : !llm.enabled() && promptFile != null ? "--upsampler-prompt needs --llm-endpoint"
        : modelDir != null && !Files.isRegularFile(modelDir.resolve("config.json"))
            ? "--upsampler-model " + modelDir + ": not a fuser model directory (no config.json)"
        : llm.enabled() ? llm.validate() : null;
    QaPolicy policy = null;
    OutputChecks checks = null;
    if (problem == null) {
      try {
        policy = QaPolicy.parse(reject);
        checks = OutputChecks.withBudget(tokenBudget);
      } catch (IllegalArgumentException e) {
        problem = e.getMessage();
      }
    }
    if (problem != null) {
      err.println("reelscribe upsample: " + problem);
      return 2;
    }
    int failures = 0;
    try (PromptUpsampler upsampler = open(); PromptUpsampler.Session session = upsampler.open()) {
      String version = upsampler.prompt().version();
      List<Generation> results = session.upsample(all);
      for (int i = 0; i < all.size(); i++) {
        ObjectNode line = JSON.createObjectNode();
        line.put("prompt", all.get(i));
        line.put("promptVersion", version);
        Generation g = results.get(i);
        if (g instanceof Generation.Text t) {
          // an upsampled prompt may add detail by design, so the unsupported check does not apply
          List<String> flags = checks.flags(t.text(), t.complete(), List.of(t.text()));
          line.put("text", t.text());
          line.put("tokenCount", checks.tokens(t.text()));
          flags.forEach(line.putArray("qaFlags")::add);
          Optional<String> rejection = policy.rejection(flags);
          if (rejection.isPresent()) {
            line.put("rejected", rejection.get());
            failures++;
          }
        } else {
          Generation.Failed f = (Generation.Failed) g;
          line.put("error", f.errorClass() + ": " + f.message());
          failures++;
        }
        out.println(JSON.writeValueAsString(line));
      }
    }
    if (failures > 0) {
      err.println("reelscribe upsample: " + failures + " of " + all.size() + " prompts have no usable long prompt");
      return 1;
    }
    return 0;
  }

  private PromptUpsampler open() throws IOException {
    if (llm.enabled()) {
      PromptTemplate template = promptFile == null ? PromptTemplate.builtin("upsample-v1") : PromptTemplate.load(promptFile);
      return new RemotePromptUpsampler(new ChatClient(llm.chat()), template, maxWords, llm.maxTokens);
    }
    return modelDir != null ? BuiltinPromptUpsampler.local(modelDir, 8) : BuiltinPromptUpsampler.embedded(8);
  }
}
