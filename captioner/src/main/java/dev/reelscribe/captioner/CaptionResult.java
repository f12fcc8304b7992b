package dev.reelscribe.captioner;

/** What a captioner made of one frame: a caption, or the reason there is none. */
public sealed interface CaptionResult {
  record Ok(String text) implements CaptionResult {}

  /**
   * @param errorClass a short class of error (exception class, or e.g. {@code EmptyAnswer})
   * @param message what went wrong, for the FailedRecord; never contains credentials
   * @param attempts how many requests were made
   */
  record Failed(String errorClass, String message, int attempts) implements CaptionResult {}

  static CaptionResult failed(Throwable e, int attempts) {
    return new Failed(e.getClass().getName(), String.valueOf(e.getMessage()), attempts);
  }
}
