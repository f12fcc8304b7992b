package dev.reelscribe.generator.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * BERT's uncased WordPiece tokenizer, read from a Hugging Face {@code tokenizer.json} (the
 * {@code WordPiece} model with {@code BertNormalizer} and {@code BertPreTokenizer}): lower-case,
 * strip accents, drop control characters, split on white space and around punctuation, then
 * greedy longest-match word pieces ({@code ##} marks a continuation), framed as
 * {@code [CLS] … [SEP]}. Plain Java: no native tokenizer library is needed.
 */
public final class WordPieceTokenizer {
  private final Map<String, Integer> vocab;
  private final int cls;
  private final int sep;
  private final int unk;
  private final int pad;

  private WordPieceTokenizer(Map<String, Integer> vocab) {
    this.vocab = vocab;
    cls = id(vocab, "[CLS]");
    sep = id(vocab, "[SEP]");
    unk = id(vocab, "[UNK]");
    pad = id(vocab, "[PAD]");
  }

  private static int id(Map<String, Integer> vocab, String token) {
    Integer i = vocab.get(token);
    if (i == null) {
      throw new IllegalArgumentException("the vocabulary has no " + token);
    }
    return i;
  }

  /** Reads {@code model.vocab} of a {@code tokenizer.json}. */
  public static WordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
    JsonNode root = new ObjectMapper().readTree(tokenizerJson);
    JsonNode model = root.path("model");
    if (!"WordPiece".equals(model.path("type").asText())) {
      throw new IOException("not a WordPiece tokenizer: model.type is '" + model.path("type").asText() + "'");
    }
    Map<String, Integer> vocab = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      vocab.put(e.getKey(), e.getValue().asInt());
    }
    return new WordPieceTokenizer(vocab);
  }

  public int padId() {
    return pad;
  }

  /**
   * Token ids {@code [CLS] pieces… [SEP]}, the pieces truncated so the whole fits {@code maxLength},
   * then padded with {@code [PAD]} to exactly {@code maxLength}.
   */
  public long[] encode(String text, int maxLength) {
    if (maxLength < 2) {
      throw new IllegalArgumentException("maxLength must leave room for [CLS] and [SEP], got " + maxLength);
    }
    List<Integer> pieces = pieces(text);
    long[] ids = new long[maxLength];
    java.util.Arrays.fill(ids, pad);
    ids[0] = cls;
    int n = Math.min(pieces.size(), maxLength - 2);
    for (int i = 0; i < n; i++) {
      ids[i + 1] = pieces.get(i);
    }
    ids[n + 1] = sep;
    return ids;
  }

  /** The word-piece ids of a text, without the frame. */
  public List<Integer> pieces(String text) {
    List<Integer> out = new ArrayList<>();
    for (String word : words(normalize(text))) {
      wordPieces(word, out);
    }
    return out;
  }

  private static String normalize(String text) {
    StringBuilder clean = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0 || c == 0xFFFD || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
        continue;
      }
      clean.append(Character.isWhitespace(c) ? ' ' : c);
    }
    String lower = clean.toString().toLowerCase(Locale.ROOT);
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
  }

  private static List<String> words(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        flush(word, out);
      } else if (isPunctuation(c)) {
        flush(word, out);
        out.add(String.valueOf(c));
      } else {
        word.append(c);
      }
    }
    flush(word, out);
    return out;
  }

  private static void flush(StringBuilder word, List<String> out) {
    if (word.length() > 0) {
      out.add(word.toString());
      word.setLength(0);
    }
  }

  private static boolean isPunctuation(char c) {
    if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.CONNECTOR_PUNCTUATION || type == Character.DASH_PUNCTUATION
        || type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION
        || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
        || type == Character.OTHER_PUNCTUATION;
  }

  private void wordPieces(String word, List<Integer> out) {
    if (word.length() > 100) {
      out.add(unk);
      return;
    }
    List<Integer> pieces = new ArrayList<>();
    int start = 0;
    while (start < word.length()) {
      int end = word.length();
      Integer found = null;
      while (start < end) {
        String piece = (start > 0 ? "##" : "") + word.substring(start, end);
        found = vocab.get(piece);
        if (found != null) {
          break;
        }
        end--;
      }
      if (found == null) {
        out.add(unk);
        return;
      }
      pieces.add(found);
      start = end;
    }
    out.addAll(pieces);
  }
}
