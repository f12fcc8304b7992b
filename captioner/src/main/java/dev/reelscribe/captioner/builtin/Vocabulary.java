package dev.reelscribe.captioner.builtin;

import dev.reelscribe.models.nn.Decoding;
import dev.reelscribe.synthworld.script.BackgroundColour;
import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.script.TextKind;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The word-level vocabulary of a built-in captioner: four special tokens, then words and the
 * punctuation marks {@code . , "} as separate tokens. Case is kept, so a caption decodes to exactly
 * the text it was encoded from.
 */
public final class Vocabulary {
  public static final int PAD = Decoding.PAD;
  public static final int BOS = Decoding.BOS;
  public static final int EOS = Decoding.EOS;
  public static final int UNK = 3;
  private static final List<String> SPECIAL = List.of("<pad>", "<bos>", "<eos>", "<unk>");
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z]+|[.,\"]");

  private final List<String> tokens;
  private final Map<String, Integer> ids = new HashMap<>();

  public Vocabulary(List<String> tokens) {
    if (tokens.size() < SPECIAL.size() || !tokens.subList(0, SPECIAL.size()).equals(SPECIAL)) {
      throw new IllegalArgumentException("a vocabulary starts with " + SPECIAL);
    }
    this.tokens = List.copyOf(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      if (ids.put(tokens.get(i), i) != null) {
        throw new IllegalArgumentException("duplicate token '" + tokens.get(i) + "'");
      }
    }
  }

  /** Every word synthworld's frame captions use. */
  public static Vocabulary synthworld() {
    TreeSet<String> words = new TreeSet<>();
    for (String fixed : List.of("A", "An", "a", "an", "and", "on", "in", "the", "The", "at", "is", "with", "empty",
        "frame", "TV", "static", "fills", "shows", "only", "background", "to", ".", ",", "\"")) {
      words.add(fixed);
    }
    for (Cell c : Cell.values()) {
      words.addAll(split(c.words()));
    }
    for (SizeClass s : SizeClass.values()) {
      words.add(s.word());
    }
    for (Colour c : Colour.values()) {
      words.addAll(split(c.word()));
    }
    for (BackgroundColour c : BackgroundColour.values()) {
      words.addAll(split(c.word()));
    }
    for (BackgroundKind k : BackgroundKind.values()) {
      words.add(k.word());
    }
    for (Shape s : Shape.values()) {
      words.add(s.word());
    }
    for (TextKind k : TextKind.values()) {
      words.add(k.word());
    }
    for (String t : ScriptGenerator.TEXTS) {
      words.addAll(split(t));
    }
    List<String> all = new ArrayList<>(SPECIAL);
    all.addAll(words);
    return new Vocabulary(all);
  }

  /** The vocabulary of some texts: the special tokens, then every word and mark they use, sorted. */
  public static Vocabulary of(Iterable<String> texts) {
    TreeSet<String> words = new TreeSet<>();
    for (String text : texts) {
      words.addAll(split(text));
    }
    words.removeAll(SPECIAL);
    List<String> all = new ArrayList<>(SPECIAL);
    all.addAll(words);
    return new Vocabulary(all);
  }

  private static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  public int size() {
    return tokens.size();
  }

  public List<String> tokens() {
    return Collections.unmodifiableList(tokens);
  }

  public String token(int id) {
    return id >= 0 && id < tokens.size() ? tokens.get(id) : SPECIAL.get(UNK);
  }

  /** Token ids of a text, without BOS/EOS; unknown words become {@link #UNK}. */
  public int[] encode(String text) {
    List<String> words = split(text);
    int[] out = new int[words.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.getOrDefault(words.get(i), UNK);
    }
    return out;
  }

  /** The text of token ids, stopping at EOS and skipping PAD/BOS. */
  public String decode(int[] idsIn) {
    return decode(idsIn, Map.of());
  }

  /**
   * As {@link #decode(int[])}, with the word at some positions of {@code idsIn} written as another
   * word ({@code replaced}: position → word).
   */
  public String decode(int[] idsIn, Map<Integer, String> replaced) {
    StringBuilder out = new StringBuilder();
    boolean inQuote = false;
    boolean glue = true;
    for (int position = 0; position < idsIn.length; position++) {
      int id = idsIn[position];
      if (id == EOS) {
        break;
      }
      if (id == PAD || id == BOS) {
        continue;
      }
      String t = replaced.getOrDefault(position, token(id));
      boolean punct = t.equals(".") || t.equals(",");
      boolean quote = t.equals("\"");
      if (quote) {
        if (!inQuote && !glue) {
          out.append(' ');
        }
        out.append(t);
        glue = !inQuote;
        inQuote = !inQuote;
        continue;
      }
      if (!glue && !punct) {
        out.append(' ');
      }
      out.append(t);
      glue = false;
    }
    return out.toString();
  }
}
