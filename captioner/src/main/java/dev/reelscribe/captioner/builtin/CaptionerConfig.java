package dev.reelscribe.captioner.builtin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The architecture of a built-in frame captioner and the vocabulary it speaks; stored as {@code
 * config.json} in the model directory next to the DJL parameter file.
 *
 * @param imageSize side of the square input image in pixels (frames are resized to it)
 * @param stem channels of a full-resolution 3×3 convolution before the stride-2 stages (0: none)
 * @param channels output channels of the four stride-2 convolution stages
 * @param width transformer width (token dimension)
 * @param heads attention heads
 * @param encoderLayers transformer layers over the image grid
 * @param decoderLayers autoregressive decoder layers (causal self-attention + cross-attention)
 * @param maxTokens the longest caption, in tokens, including EOS
 * @param vocabulary the tokens, specials first
 * @param hedgeBelow in greedy decoding, a shape word the decoder chose with a probability below
 *     this is written as the generic "shape" ("a small green shape on the left"): the caption keeps
 *     the object, its colour, size and place, and does not guess its shape; 0 turns hedging off
 *     (decoding only; the weights do not depend on it)
 * @param gridPlaces check each mentioned object's place against the auxiliary grid head and take it
 *     from there where the two disagree ({@link GridPlaces}); decoding only, like hedging
 */
public record CaptionerConfig(
    int imageSize,
    int stem,
    List<Integer> channels,
    int width,
    int heads,
    int encoderLayers,
    int decoderLayers,
    int maxTokens,
    List<String> vocabulary,
    double hedgeBelow,
    boolean gridPlaces) {

  public static final String FILE = "config.json";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public CaptionerConfig {
    channels = List.copyOf(channels);
    vocabulary = List.copyOf(vocabulary);
    if (imageSize % 16 != 0 || imageSize < 32) {
      throw new IllegalArgumentException("imageSize must be a multiple of 16, at least 32: " + imageSize);
    }
    if (channels.size() != 4) {
      throw new IllegalArgumentException("channels lists the four convolution stages: " + channels);
    }
    if (width % heads != 0) {
      throw new IllegalArgumentException("width " + width + " is not divisible by heads " + heads);
    }
    if (maxTokens < 2 || encoderLayers < 0 || decoderLayers < 1 || stem < 0) {
      throw new IllegalArgumentException("bad layer or token counts");
    }
    if (!(hedgeBelow >= 0 && hedgeBelow < 1)) {
      throw new IllegalArgumentException("hedgeBelow is a probability in [0, 1): " + hedgeBelow);
    }
  }

  /**
   * Shape hedging of the committed model: chosen on held-out seeds 1001 and 1002 (docs/benchmarks.md,
   * "Hedging unsure shapes").
   */
  public static final double BUILTIN_HEDGE_BELOW = 0.6;

  /** The configuration the committed built-in model is trained with. */
  public static CaptionerConfig builtin() {
    return new CaptionerConfig(128, 0, List.of(32, 64, 96, 128), 128, 4, 1, 3, 56, Vocabulary.synthworld().tokens(),
        BUILTIN_HEDGE_BELOW, true);
  }

  /** A small configuration for tests. */
  public static CaptionerConfig tiny() {
    return new CaptionerConfig(64, 4, List.of(8, 16, 16, 32), 32, 2, 1, 1, 56, Vocabulary.synthworld().tokens(), 0,
        false);
  }

  /** The same architecture and vocabulary with another hedging threshold. */
  public CaptionerConfig withHedgeBelow(double below) {
    return new CaptionerConfig(imageSize, stem, channels, width, heads, encoderLayers, decoderLayers, maxTokens,
        vocabulary, below, gridPlaces);
  }

  /** The same architecture and vocabulary with places from the grid head on or off. */
  public CaptionerConfig withGridPlaces(boolean on) {
    return new CaptionerConfig(imageSize, stem, channels, width, heads, encoderLayers, decoderLayers, maxTokens,
        vocabulary, hedgeBelow, on);
  }

  public Vocabulary vocab() {
    return new Vocabulary(vocabulary);
  }

  /** Image tokens the encoder produces: the grid after four stride-2 stages. */
  public int gridSide() {
    return imageSize / 16;
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    JSON.writeValue(dir.resolve(FILE).toFile(), this);
  }

  public static CaptionerConfig read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a frame-captioner model directory (no " + FILE + "): " + dir);
    }
    return JSON.readValue(file.toFile(), CaptionerConfig.class);
  }
}
