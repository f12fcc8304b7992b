package dev.reelscribe.captioner;

import dev.reelscribe.models.chat.ChatConfig;
import java.io.Serializable;

/**
 * Which frame captioner to use, as plain serialisable configuration (it travels to workers inside
 * a pipeline; the model itself is opened there, once per JVM).
 *
 * @param backend {@code builtin} (the committed weights), {@code local} (a model directory) or
 *     {@code remote} (an OpenAI-compatible endpoint)
 * @param modelDir the model directory for {@code local}
 * @param beamWidth beam search width for local models, 1 for greedy
 * @param batchSize frames per forward pass for local models
 * @param chat the endpoint for {@code remote}
 * @param prompt the instruction sent with each frame to a remote VLM (null: the default prompt)
 * @param maxTokens answer budget for a remote VLM
 */
public record CaptionerSpec(
    String backend, String modelDir, int beamWidth, int batchSize, ChatConfig chat, String prompt, int maxTokens)
    implements Serializable {

  public CaptionerSpec {
    switch (backend) {
      case "builtin" -> { }
      case "local" -> {
        if (modelDir == null) {
          throw new IllegalArgumentException("a local frame captioner needs a model directory");
        }
      }
      case "remote" -> {
        if (chat == null) {
          throw new IllegalArgumentException("a remote frame captioner needs an endpoint and a model name");
        }
      }
      default -> throw new IllegalArgumentException("unknown frame-captioner backend '" + backend
          + "' (builtin, local or remote)");
    }
    if (beamWidth < 1 || batchSize < 1 || maxTokens < 1) {
      throw new IllegalArgumentException("beam width, batch size and max tokens must be positive");
    }
  }

  public static CaptionerSpec builtin() {
    return new CaptionerSpec("builtin", null, 1, 32, null, null, 128);
  }

  public static CaptionerSpec local(String dir) {
    return new CaptionerSpec("local", dir, 1, 32, null, null, 128);
  }

  public static CaptionerSpec remote(ChatConfig chat, String prompt) {
    return new CaptionerSpec("remote", null, 1, 32, chat, prompt, 128);
  }

  public CaptionerSpec withBeamWidth(int width) {
    return new CaptionerSpec(backend, modelDir, width, batchSize, chat, prompt, maxTokens);
  }

  public CaptionerSpec withBatchSize(int size) {
    return new CaptionerSpec(backend, modelDir, beamWidth, size, chat, prompt, maxTokens);
  }
}
