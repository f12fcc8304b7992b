package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FuserVocabularyTest {
  private final Vocabulary vocabulary = FuserVocabulary.synthworld();

  @Test
  void everyCanonicalDescriptionOfOtherSeedsEncodesWithoutUnknownWordsAndDecodesExactly() {
    int longest = 0;
    for (WorldConfig world : new WorldConfig[] {WorldConfig.defaults(), WorldConfig.defaults().withProbabilities(1, 1, 1, 1)}) {
      ScriptGenerator generator = new ScriptGenerator(world, 99);
      for (int i = 0; i < 1000; i++) {
        SceneScript script = generator.script(i);
        String d = DescriptionWriter.canonical(script);
        int[] ids = vocabulary.encode(d);
        assertThat(Arrays.stream(ids).noneMatch(id -> id == Vocabulary.UNK)).as(d).isTrue();
        assertThat(vocabulary.decode(ids)).isEqualTo(d);
        longest = Math.max(longest, ids.length);
      }
    }
    assertThat(longest).as("the longest description in tokens, within the decoder's 256").isBetween(60, 256);
  }

  @Test
  void itHoldsEveryFrameCaptionWordAndIsSmall() {
    assertThat(vocabulary.tokens()).containsAll(Vocabulary.synthworld().tokens());
    assertThat(vocabulary.size()).isBetween(100, 400);
  }
}
