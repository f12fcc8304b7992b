package dev.reelscribe.fuser.remote;

import dev.reelscribe.fuser.PromptUpsampler;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.fuser.prompt.Prompts;
import dev.reelscribe.models.chat.ChatClient;
import dev.reelscribe.schemas.ModelRef;

/** Long prompts from a remote LLM: one chat request per short prompt, with the versioned upsampling prompt. */
public final class RemotePromptUpsampler implements PromptUpsampler {
  private final ChatTextModel model;
  private final PromptTemplate prompt;
  private final int maxWords;

  public RemotePromptUpsampler(ChatClient client, PromptTemplate prompt, int maxWords, int maxTokens) {
    this.model = new ChatTextModel(client, maxTokens, "upsampler-request");
    this.prompt = prompt;
    this.maxWords = maxWords;
  }

  @Override
  public ModelRef model() {
    return model.model();
  }

  @Override
  public PromptTemplate prompt() {
    return prompt;
  }

  @Override
  public Session open() {
    return prompts -> model.generate(prompts.stream().map(p -> Prompts.upsample(prompt, p, maxWords)).toList());
  }

  @Override
  public void close() {
    model.close();
  }
}
