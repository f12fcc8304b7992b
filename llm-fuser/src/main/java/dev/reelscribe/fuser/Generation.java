package dev.reelscribe.fuser;

/** What a text model made of one input: text (maybe cut off), or the reason there is none. */
public sealed interface Generation {
  /**
   * @param text the output, stripped; may be empty — the output checks flag that
   * @param complete whether the model ended the text itself rather than hitting its length limit
   */
  record Text(String text, boolean complete) implements Generation {}

  /**
   * @param errorClass a short class of error (exception class, or e.g. {@code ServerError})
   * @param message what went wrong, for the FailedRecord; never contains credentials
   * @param attempts how many requests were made
   */
  record Failed(String errorClass, String message, int attempts) implements Generation {}

  static Generation failed(Throwable e, int attempts) {
    return new Failed(e.getClass().getName(), String.valueOf(e.getMessage()), attempts);
  }
}
