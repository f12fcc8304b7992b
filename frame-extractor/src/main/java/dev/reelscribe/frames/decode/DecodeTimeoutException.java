package dev.reelscribe.frames.decode;

import java.time.Duration;

/** Thrown by a {@link FrameReader} when decoding runs past its per-file time bound. */
public final class DecodeTimeoutException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DecodeTimeoutException(String file, Duration bound, long framesRead) {
    super("decoding " + file + " exceeded the time bound of " + bound.toSeconds() + " s after "
        + framesRead + " frames");
  }
}
