package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.TimedCaption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FuserTokensTest {
  private final Vocabulary vocabulary = Vocabulary.of(List.of("A red circle.", "The circle moves."));
  private final FuserConfig config = FuserConfig.tiny(vocabulary.tokens());
  private final FuserTokens tokens = new FuserTokens(config);

  @Test
  void eachFrameIsAMarkerItsTimeBucketAndItsWordsInTimeOrder() {
    FusionInput clip = new FusionInput("c", List.of(
        new TimedCaption(3.9, "A red circle."), new TimedCaption(0.5, "A blue circle.")), 4.0);
    long[] ids = tokens.input(clip);
    assertThat(ids).hasSize(config.maxInputTokens());
    int[] first = vocabulary.encode("A red circle.");
    assertThat(ids[0]).isEqualTo(config.frameMarker());
    assertThat(ids[1]).isEqualTo(config.timeToken(1));
    assertThat(ids[3]).as("an unknown word").isEqualTo(Vocabulary.UNK);
    assertThat(ids[6]).isEqualTo(config.frameMarker());
    assertThat(ids[7]).isEqualTo(config.timeToken(9));
    for (int i = 0; i < first.length; i++) {
      assertThat(ids[8 + i]).isEqualTo(first[i]);
    }
    assertThat(ids[8 + first.length]).isEqualTo(Vocabulary.PAD);
  }

  @Test
  void withObjectTracksEachColourLeadsTheInputWithOneTokenPerFrame() {
    Vocabulary words = Vocabulary.of(List.of("A large red circle in the top left on a plain navy background."));
    FuserConfig tracked = FuserConfig.tiny(words.tokens()).withObjectTracks(true);
    FusionInput clip = new FusionInput("c", List.of(
        new TimedCaption(0.5, "A large red circle in the top left on a plain navy background."),
        new TimedCaption(2.5, "A plain navy background.")), 4.0);
    long[] ids = new FuserTokens(tracked).input(clip);
    assertThat(tracked.inputVocabularySize()).isEqualTo(tracked.sightingToken(2, 8) + 1);
    assertThat(ids[0]).isEqualTo(tracked.trackMarker());
    assertThat(ids[1]).isEqualTo(words.encode("red")[0]);
    assertThat(ids[2]).as("large, top left").isEqualTo(tracked.sightingToken(2, 0));
    assertThat(ids[3]).isEqualTo(tracked.absentToken());
    assertThat(ids[4]).isEqualTo(tracked.frameMarker());
    assertThat(ids[5]).isEqualTo(tracked.timeToken(1));
    assertThat(Arrays.stream(ids).max().getAsLong()).isLessThan(tracked.inputVocabularySize());
  }

  @Test
  void aTargetEndsWithEosAndOneTooLongIsRefused() {
    int[] target = tokens.target("The circle moves.");
    assertThat(target[target.length - 1]).isEqualTo(Vocabulary.EOS);
    assertThat(vocabulary.decode(target)).isEqualTo("The circle moves.");
    assertThat(tokens.target("The circle moves. ".repeat(40))).isNull();
  }
}
