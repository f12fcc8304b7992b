package dev.reelscribe.models.chat;

/** A chat request that produced no usable answer; the message says why and never holds the key. */
public final class ChatException extends Exception {
  private final String kind;
  private final int attempts;

  public ChatException(String kind, String message, int attempts) {
    super(message);
    this.kind = kind;
    this.attempts = attempts;
  }

  /** A short class of failure: ClientError, ServerError, RateLimited, Timeout, Connection, MalformedAnswer, EmptyAnswer, TruncatedAnswer, NotText. */
  public String kind() {
    return kind;
  }

  public int attempts() {
    return attempts;
  }
}
