package dev.reelscribe.generator.config;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a generator makes and reads, beside its modules' configurations: the clip it generates and
 * the text encoder its transformer was trained on (the encoder is frozen and not part of the
 * model directory; its id must match at load time).
 *
 * @param frames frames of a generated clip (4k+1)
 * @param height pixel height
 * @param width pixel width
 * @param fps frame rate of the written mp4
 * @param textEncoder id of the text encoder ({@code all-minilm-l6-v2-q@<sha>})
 * @param textLength tokens per prompt
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GeneratorSpec(
    @JsonProperty("frames") int frames,
    @JsonProperty("height") int height,
    @JsonProperty("width") int width,
    @JsonProperty("fps") double fps,
    @JsonProperty("text_encoder") String textEncoder,
    @JsonProperty("text_length") int textLength) {

  public GeneratorSpec {
    if (frames < 1 || (frames - 1) % 4 != 0) {
      throw new IllegalArgumentException("frames must be 4k+1, got " + frames);
    }
    if (height <= 0 || width <= 0 || !(fps > 0) || textLength < 2) {
      throw new IllegalArgumentException("height, width, fps and text_length must be positive");
    }
  }
}
