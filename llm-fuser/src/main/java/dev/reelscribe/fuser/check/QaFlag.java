package dev.reelscribe.fuser.check;

import java.util.Locale;

/**
 * What an output check can find. A flag is written as its kind, or {@code kind:detail}
 * ({@code unsupported:hexagon}); the policy decides per kind which flags reject a caption.
 */
public enum QaFlag {
  /** No text at all. */
  EMPTY,
  /** The model stopped at its length limit, or the text ends mid-sentence. */
  CUT_OFF,
  /** The same run of words or the same sentence comes back again and again: a decoding loop. */
  REPETITION,
  /** More text-encoder tokens than the generator reads. */
  OVER_BUDGET,
  /** A colour or object that no frame caption (or short caption) mentions. */
  UNSUPPORTED;

  /** The flag's name in records and on the command line: {@code cut_off}. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind of a written flag ({@code unsupported:red} → UNSUPPORTED). */
  public static QaFlag of(String written) {
    int colon = written.indexOf(':');
    return valueOf((colon < 0 ? written : written.substring(0, colon)).toUpperCase(Locale.ROOT));
  }
}
