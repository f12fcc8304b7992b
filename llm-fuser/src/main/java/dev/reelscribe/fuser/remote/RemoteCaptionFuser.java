package dev.reelscribe.fuser.remote;

import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.prompt.PromptTemplate;
import dev.reelscribe.fuser.prompt.Prompts;
import dev.reelscribe.models.chat.ChatClient;
import dev.reelscribe.schemas.ModelRef;

/**
 * Dense descriptions from a remote LLM (GLM-4, Llama 3, Qwen on vLLM, SGLang, Ollama, llama.cpp's
 * server or a hosted API): one chat request per clip, with the versioned fusion prompt as the system
 * message and the clip's frame captions as escaped data in the user message.
 */
public final class RemoteCaptionFuser implements CaptionFuser {
  private final ChatTextModel model;
  private final PromptTemplate prompt;
  private final int maxWords;

  public RemoteCaptionFuser(ChatClient client, PromptTemplate prompt, int maxWords, int maxTokens) {
    this.model = new ChatTextModel(client, maxTokens, "fuser-request");
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

  public ChatClient client() {
    return model.client();
  }

  @Override
  public Session open() {
    return clips -> model.generate(clips.stream().map(c -> Prompts.fusion(prompt, c, maxWords)).toList());
  }

  @Override
  public void close() {
    model.close();
  }

  /** The request body for one clip, for inspection and tests. */
  String requestJson(FusionInput clip) {
    return model.request(Prompts.fusion(prompt, clip, maxWords)).toString();
  }
}
