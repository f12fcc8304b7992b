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
 * @param hedgeBelow shape hedging of a built-in/local model ({@code CaptionerConfig#hedgeBelow}); {@link
 *     #MODEL_HEDGE} keeps the model directory's own setting
 * @param gridPlaces places checked against the grid head for a built-in/local model ({@code
 *     CaptionerConfig#gridPlaces}); null keeps the model directory's own setting
 */
public record CaptionerSpec(
    String backend, String modelDir, int beamWidth, int batchSize, ChatConfig chat, String prompt, int maxTokens,
    double hedgeBelow, Boolean gridPlaces)
    implements Serializable {

  /** {@link #hedgeBelow} that keeps what the model's config.json says. */
  public static final double MODEL_HEDGE = -1;

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
    if (hedgeBelow != MODEL_HEDGE && !(hedgeBelow >= 0 && hedgeBelow < 1)) {
      throw new IllegalArgumentException("the shape-hedging threshold is a probability in [0, 1): " + hedgeBelow);
    }
  }

  public static CaptionerSpec builtin() {
    return new CaptionerSpec("builtin", null, 1, 32, null, null, 128, MODEL_HEDGE, null);
  }

  public static CaptionerSpec local(String dir) {
    return new CaptionerSpec("local", dir, 1, 32, null, null, 128, MODEL_HEDGE, null);
  }

  public static CaptionerSpec remote(ChatConfig chat, String prompt) {
    return new CaptionerSpec("remote", null, 1, 32, chat, prompt, 128, MODEL_HEDGE, null);
  }

  public CaptionerSpec withBeamWidth(int width) {
    return new CaptionerSpec(backend, modelDir, width, batchSize, chat, prompt, maxTokens, hedgeBelow, gridPlaces);
  }

  public CaptionerSpec withBatchSize(int size) {
    return new CaptionerSpec(backend, modelDir, beamWidth, size, chat, prompt, maxTokens, hedgeBelow, gridPlaces);
  }

  /** The same captioner with another shape-hedging threshold (0: off; {@link #MODEL_HEDGE}: the model's). */
  public CaptionerSpec withHedgeBelow(double below) {
    return new CaptionerSpec(backend, modelDir, beamWidth, batchSize, chat, prompt, maxTokens, below, gridPlaces);
  }

  /** The same captioner with places from the grid head on or off (null: the model's setting). */
  public CaptionerSpec withGridPlaces(Boolean on) {
    return new CaptionerSpec(backend, modelDir, beamWidth, batchSize, chat, prompt, maxTokens, hedgeBelow, on);
  }
}
