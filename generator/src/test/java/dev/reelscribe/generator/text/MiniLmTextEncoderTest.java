package dev.reelscribe.generator.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniLmTextEncoderTest {
  @TempDir static Path cache;

  @Test
  void theTokenizerSplitsAsBertDoes() throws Exception {
    try (MiniLmTextEncoder encoder = MiniLmTextEncoder.load(16, cache)) {
      WordPieceTokenizer t = encoder.tokenizer();
      // ids from bert-base-uncased's vocabulary: [CLS]=101, a=1037, red=2417, circle=4418, "."=1012, [SEP]=102
      long[] ids = t.encode("A RED circle.", 8);
      assertThat(ids).containsExactly(101, 1037, 2417, 4418, 1012, 102, 0, 0);
      // a word outside the vocabulary becomes pieces, not [UNK]
      assertThat(t.pieces("zigzagging")).hasSizeGreaterThan(1).doesNotContain(100);
      assertThat(t.encode("one two three four five six seven", 5)).hasSize(5).endsWith(102);
    }
  }

  @Test
  void promptsBecomeFixedLengthHiddenStatesThatTellThemApart() {
    try (MiniLmTextEncoder encoder = MiniLmTextEncoder.load(16, cache)) {
      float[] states = encoder.encode(List.of("a red circle moves to the left", "a red circle moves to the left",
          "a blue square moves up", ""));
      int per = 16 * MiniLmTextEncoder.WIDTH;
      assertThat(states).hasSize(4 * per);
      assertThat(distance(states, 0, 1, per)).isLessThan(1e-4);
      double different = distance(states, 0, 2, per);
      assertThat(different).isGreaterThan(1.0);
      assertThat(distance(states, 0, 3, per)).isGreaterThan(1.0);
      assertThat(encoder.id()).startsWith("all-minilm-l6-v2-q@");
    }
  }

  private static double distance(float[] s, int a, int b, int per) {
    double sum = 0;
    for (int i = 0; i < per; i++) {
      double d = s[a * per + i] - s[b * per + i];
      sum += d * d;
    }
    return Math.sqrt(sum / per) * Math.sqrt(per);
  }
}
