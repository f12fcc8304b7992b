package dev.reelscribe.fuser;

import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.schemas.ModelRef;
import java.util.List;

/**
 * The prompt-upsampler role: rewrites a user's short prompt into the long, dense style the
 * generator was trained on (CogVideoX's prompt conversion), so training captions and inference
 * prompts match. Same life cycle as {@link CaptionFuser}.
 */
public interface PromptUpsampler extends AutoCloseable {
  ModelRef model();

  PromptTemplate prompt();

  Session open();

  @Override
  void close();

  /** One worker's handle on the model; not thread-safe. */
  interface Session extends AutoCloseable {
    List<Generation> upsample(List<String> shortPrompts);

    @Override
    default void close() {}
  }
}
