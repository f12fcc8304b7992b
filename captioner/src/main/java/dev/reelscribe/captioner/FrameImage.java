package dev.reelscribe.captioner;

import java.util.Objects;

/**
 * A frame to caption: an encoded image (JPEG, as {@code SampledFrame} carries it) and a key that
 * names it in errors and logs.
 */
public record FrameImage(String key, byte[] jpeg) {
  public FrameImage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(jpeg, "jpeg");
  }
}
