package dev.reelscribe.fuser.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The checks every fused description or upsampled prompt passes before it reaches the corpus:
 * empty, cut off, looping, over the token budget, or naming colours and objects that its sources do
 * not. {@link #flags} lists what it found, as written {@link QaFlag}s; the {@link QaPolicy} decides.
 *
 * <pre>{@code
 * OutputChecks checks = OutputChecks.withBudget(226);
 * List<String> flags = checks.flags(text, complete, frameCaptionTexts);
 * }</pre>
 */
public final class OutputChecks {
  /** CogVideoX's text length: T5 tokens the transformer reads. */
  public static final int COGVIDEOX_TOKEN_BUDGET = 226;

  private static final Pattern WORD = Pattern.compile("[a-z]+");
  private static final Pattern SENTENCE_END = Pattern.compile(".*[.!?][\"')\\]]?$", Pattern.DOTALL);
  /** Phrases that name a shape as a path, not an object: "moves slowly in a circle". */
  private static final Pattern MOTION_IDIOMS = Pattern.compile("(?i)\\bin a circle\\b");
  private static final int LOOP_NGRAM = 4;
  private static final int LOOP_REPEATS = 3;
  private static final int LOOP_SENTENCE_WORDS = 6;

  private final int tokenBudget;
  private final TokenCounter counter;

  private OutputChecks(int tokenBudget, TokenCounter counter) {
    if (tokenBudget < 1) {
      throw new IllegalArgumentException("the token budget must be positive, got " + tokenBudget);
    }
    this.tokenBudget = tokenBudget;
    this.counter = counter;
  }

  /** Checks against a budget of T5 tokens, counted by {@link TokenCounter#t5Estimate()}. */
  public static OutputChecks withBudget(int tokenBudget) {
    return new OutputChecks(tokenBudget, TokenCounter.t5Estimate());
  }

  public OutputChecks withCounter(TokenCounter counter) {
    return new OutputChecks(tokenBudget, counter);
  }

  public int tokenBudget() {
    return tokenBudget;
  }

  public int tokens(String text) {
    return counter.count(text);
  }

  /**
   * @param text the model's output
   * @param complete whether the model ended it itself
   * @param sources the texts it may draw on (frame captions, a short caption or prompt)
   */
  public List<String> flags(String text, boolean complete, List<String> sources) {
    List<String> flags = new ArrayList<>();
    String stripped = text == null ? "" : text.strip();
    if (stripped.isEmpty()) {
      flags.add(QaFlag.EMPTY.word());
      return flags;
    }
    if (!complete || !SENTENCE_END.matcher(stripped).matches()) {
      flags.add(QaFlag.CUT_OFF.word());
    }
    if (loops(stripped)) {
      flags.add(QaFlag.REPETITION.word());
    }
    if (counter.count(stripped) > tokenBudget) {
      flags.add(QaFlag.OVER_BUDGET.word());
    }
    Set<String> supported = new LinkedHashSet<>();
    for (String source : sources) {
      words(source).forEach(w -> supported.add(Lexicon.singular(w)));
    }
    Set<String> unsupported = new LinkedHashSet<>();
    for (String w : words(MOTION_IDIOMS.matcher(stripped).replaceAll(" "))) {
      String word = Lexicon.singular(w);
      boolean named = Lexicon.COLOURS.contains(word) || Lexicon.OBJECTS.contains(word);
      if (named && !supported.contains(word)) {
        unsupported.add(word);
      }
    }
    for (String word : unsupported) {
      flags.add(QaFlag.UNSUPPORTED.word() + ":" + word);
    }
    return flags;
  }

  /**
   * A run of {@value #LOOP_NGRAM} words three times or more within one sentence, or a sentence of
   * {@value #LOOP_SENTENCE_WORDS} words or more said twice. Short stock sentences may recur in a
   * faithful description ("The camera stays still." once per shot of a clip with a cut), and so may a
   * phrase across sentences ("... moves quickly to the right." for each of three objects): neither is
   * a loop.
   */
  static boolean loops(String text) {
    Set<String> sentences = new LinkedHashSet<>();
    for (String sentence : text.toLowerCase(Locale.ROOT).split("[.!?]+")) {
      List<String> words = words(sentence);
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i + LOOP_NGRAM <= words.size(); i++) {
        String gram = String.join(" ", words.subList(i, i + LOOP_NGRAM));
        if (seen.merge(gram, 1, Integer::sum) >= LOOP_REPEATS) {
          return true;
        }
      }
      if (words.size() >= LOOP_SENTENCE_WORDS && !sentences.add(String.join(" ", words))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }
}
