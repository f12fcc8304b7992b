package dev.reelscribe.fuser;

import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.schemas.ModelRef;
import java.util.List;

/**
 * The fuser role: an LLM reads a clip's timestamped frame captions and writes one dense,
 * chronological description of it (CogVideoX's "V1" captions).
 *
 * <p>Open one per JVM and share it; each worker thread opens its own {@link Session}. {@link
 * Session#fuse} returns one {@link Generation} per input, in order; one input that fails does not
 * affect the others. The raw text still has to pass {@code OutputChecks} before it is a
 * {@code DenseCaption}.
 */
public interface CaptionFuser extends AutoCloseable {
  /** Which model answers, recorded with every description. */
  ModelRef model();

  /** The prompt the model is asked with; its version is recorded with every description. */
  PromptTemplate prompt();

  Session open();

  @Override
  void close();

  /** One worker's handle on the model; not thread-safe. */
  interface Session extends AutoCloseable {
    List<Generation> fuse(List<FusionInput> clips);

    @Override
    default void close() {}
  }
}
