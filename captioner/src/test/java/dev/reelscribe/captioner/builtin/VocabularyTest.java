package dev.reelscribe.captioner.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private final Vocabulary vocab = Vocabulary.synthworld();

  @Test
  void everyCanonicalFrameCaptionEncodesWithoutUnknownsAndDecodesToItself() {
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), 42);
    int longest = 0;
    for (int i = 0; i < 300; i++) {
      SceneScript script = generator.script(i);
      for (int f = 0; f < script.frames(); f += 4) {
        String caption = FrameCaptionWriter.canonical(FrameLayout.of(script, f));
        int[] ids = vocab.encode(caption);
        assertThat(ids).doesNotContain(Vocabulary.UNK);
        assertThat(vocab.decode(ids)).isEqualTo(caption);
        longest = Math.max(longest, ids.length);
      }
    }
    assertThat(longest + 1).isLessThanOrEqualTo(CaptionerConfig.builtin().maxTokens());
  }

  @Test
  void decodingStopsAtEndAndSkipsPadding() {
    int[] ids = vocab.encode("A small red circle in the center.");
    int[] padded = new int[ids.length + 3];
    System.arraycopy(ids, 0, padded, 0, ids.length);
    padded[ids.length] = Vocabulary.EOS;
    padded[ids.length + 1] = vocab.encode("star")[0];
    assertThat(vocab.decode(padded)).isEqualTo("A small red circle in the center.");
  }

  @Test
  void unknownWordsAreUnk() {
    assertThat(vocab.encode("a purple elephant")).containsExactly(vocab.encode("a")[0], vocab.encode("purple")[0],
        Vocabulary.UNK);
  }

  @Test
  void aVocabularyMustStartWithTheSpecialTokens() {
    assertThatThrownBy(() -> new Vocabulary(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
  }
}
