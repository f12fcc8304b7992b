package dev.reelscribe.frames.probe;

import java.util.Optional;

/**
 * What the container structure of a file says, read without decoding.
 *
 * @param container container name from the magic bytes: mp4, avi, matroska, mpeg-ts, flv, ogg,
 *     mpeg-ps, or unknown
 * @param truncation why the file looks cut short, if it does (a box or chunk that runs past the end)
 */
public record ContainerCheck(String container, Optional<String> truncation) {
  public boolean truncated() {
    return truncation.isPresent();
  }
}
