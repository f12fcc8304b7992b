package dev.reelscribe.fuser.check;

/**
 * Counts the text-encoder tokens of a caption, to hold it to the generator's text budget (CogVideoX
 * truncates its T5 input at 226 tokens; anything past that is silently lost in training).
 */
@FunctionalInterface
public interface TokenCounter {
  int count(String text);

  /**
   * An estimate of T5's SentencePiece count for English, since the T5 vocabulary cannot be shipped
   * here: a word of up to 8 letters is one token and each further 6 letters one more, every digit and
   * punctuation mark is one, and the end-of-sequence token is one. On English prose it lands within
   * a few percent of T5's count and errs high on long words, which is the safe side for a budget.
   */
  static TokenCounter t5Estimate() {
    return text -> {
      int tokens = 1;
      int letters = 0;
      for (int i = 0; i <= text.length(); i++) {
        char ch = i < text.length() ? text.charAt(i) : ' ';
        if (Character.isLetter(ch)) {
          letters++;
          continue;
        }
        if (letters > 0) {
          tokens += 1 + Math.max(0, (letters - 8 + 5) / 6);
          letters = 0;
        }
        if (!Character.isWhitespace(ch)) {
          tokens++;
        }
      }
      return tokens;
    };
  }
}
