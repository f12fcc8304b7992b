package dev.reelscribe.fuser;

import dev.reelscribe.fuser.builtin.BuiltinFuserModel;
import dev.reelscribe.fuser.check.OutputChecks;
import dev.reelscribe.fuser.check.QaPolicy;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.fuser.prompt.Prompts;
import dev.reelscribe.models.chat.ChatConfig;
import java.io.Serializable;

/**
 * Which fuser to use and how to check its output, as plain serialisable configuration (it travels to
 * workers inside a pipeline; the model is opened there, once per JVM).
 *
 * @param backend {@code builtin} (the committed weights), {@code local} (a model directory written
 *     by {@code reelscribe train fuser}) or {@code remote} (an OpenAI-compatible endpoint)
 * @param modelDir the model directory for {@code local}
 * @param chat the endpoint for {@code remote}
 * @param promptName the prompt's name ({@code fuse-v1}, or a user file's name; {@code builtin-v1},
 *     the fixed input encoding, for the built-in model)
 * @param promptText the prompt file's text
 * @param maxWords the word limit the prompt asks for (remote)
 * @param maxTokens the answer budget sent to the LLM (remote)
 * @param tokenBudget the generator's text budget in T5 tokens; longer outputs are flagged
 * @param reject which QA flags reject a caption ({@code all}, {@code none} or a list)
 * @param batchSize clips per call into the fuser
 */
public record FuserSpec(String backend, String modelDir, ChatConfig chat, String promptName, String promptText,
    int maxWords, int maxTokens, int tokenBudget, String reject, int batchSize) implements Serializable {

  public FuserSpec {
    switch (backend) {
      case "builtin" -> { }
      case "local" -> {
        if (modelDir == null) {
          throw new IllegalArgumentException("a local fuser needs a model directory");
        }
      }
      case "remote" -> {
        if (chat == null) {
          throw new IllegalArgumentException("a remote fuser needs an endpoint and a model name");
        }
      }
      default -> throw new IllegalArgumentException("unknown fuser backend '" + backend + "' (builtin, local or remote)");
    }
    if (maxWords < 1 || maxTokens < 1 || tokenBudget < 1 || batchSize < 1) {
      throw new IllegalArgumentException("max words, max tokens, token budget and batch size must be positive");
    }
    PromptTemplate.of(promptName, promptText); // fail here, on the launcher, not on a worker
    QaPolicy.parse(reject);
  }

  /** A remote LLM with the built-in fusion prompt and CogVideoX's text budget. */
  public static FuserSpec remote(ChatConfig chat) {
    return of("remote", null, chat, PromptTemplate.builtin("fuse-v1"));
  }

  /** The built-in fuser (the committed weights) with CogVideoX's text budget: the embedded default. */
  public static FuserSpec builtin() {
    return of("builtin", null, null, PromptTemplate.builtin(BuiltinFuserModel.ENCODING));
  }

  /** A fuser model directory written by {@code reelscribe train fuser}. */
  public static FuserSpec local(String dir) {
    return of("local", dir, null, PromptTemplate.builtin(BuiltinFuserModel.ENCODING));
  }

  private static FuserSpec of(String backend, String dir, ChatConfig chat, PromptTemplate prompt) {
    return new FuserSpec(backend, dir, chat, prompt.name(), prompt.text(), Prompts.DEFAULT_MAX_WORDS, 512,
        OutputChecks.COGVIDEOX_TOKEN_BUDGET, "all", 8);
  }

  public FuserSpec withPrompt(PromptTemplate prompt) {
    return new FuserSpec(backend, modelDir, chat, prompt.name(), prompt.text(), maxWords, maxTokens, tokenBudget, reject,
        batchSize);
  }

  public FuserSpec withLimits(int words, int tokens, int budget) {
    return new FuserSpec(backend, modelDir, chat, promptName, promptText, words, tokens, budget, reject, batchSize);
  }

  public FuserSpec withReject(String policy) {
    return new FuserSpec(backend, modelDir, chat, promptName, promptText, maxWords, maxTokens, tokenBudget, policy, batchSize);
  }

  public FuserSpec withBatchSize(int size) {
    return new FuserSpec(backend, modelDir, chat, promptName, promptText, maxWords, maxTokens, tokenBudget, reject, size);
  }

  public PromptTemplate prompt() {
    return PromptTemplate.of(promptName, promptText);
  }

  /** The output checks and policy this spec asks for. */
  public CaptionGate gate() {
    return new CaptionGate(OutputChecks.withBudget(tokenBudget), QaPolicy.parse(reject));
  }
}
