package dev.reelscribe.frames;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed clip ids: a SHA-256 over (source uri, source size, span, extraction config),
 * truncated to 24 hex characters. The same input and configuration always give the same id, so a
 * rerun can skip what is done.
 */
public final class ClipIds {
  private ClipIds() {}

  public static String of(String sourceUri, long sourceSize, long startFrame, long endFrame, String configFingerprint) {
    String key = sourceUri + "\n" + sourceSize + "\n" + startFrame + "\n" + endFrame + "\n" + configFingerprint;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
