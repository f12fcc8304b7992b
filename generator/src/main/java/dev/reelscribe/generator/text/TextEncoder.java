package dev.reelscribe.generator.text;

/**
 * The generator's frozen text encoder: prompts → token-level hidden states, padded or truncated to
 * a fixed length, as CogVideoX feeds T5's last hidden state to the transformer.
 */
public interface TextEncoder extends AutoCloseable {
  /** Width of a token's hidden state. */
  int width();

  /** Tokens per prompt. */
  int length();

  /** An identifier of the encoder and its weights, recorded with a trained generator. */
  String id();

  /** Hidden states of every prompt, row-major {@code [prompts, length, width]}. */
  float[] encode(java.util.List<String> prompts);

  @Override
  void close();
}
