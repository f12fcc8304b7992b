package dev.reelscribe.fuser.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputChecksTest {
  private static final List<String> FRAMES = List.of(
      "A large red circle in the top left and a small blue square at the bottom on a plain navy background.",
      "A large red circle in the center and a small blue square at the bottom on a plain navy background.");
  private final OutputChecks checks = OutputChecks.withBudget(OutputChecks.COGVIDEOX_TOKEN_BUDGET);

  @Test
  void aFaithfulCompleteDescriptionHasNoFlags() {
    String text = "A large red circle glides from the top left to the center, while a small blue square rests at "
        + "the bottom of a plain navy background. The camera stays still.";
    assertThat(checks.flags(text, true, FRAMES)).isEmpty();
  }

  @Test
  void emptyAndCutOffOutputsAreFlagged() {
    assertThat(checks.flags("  ", true, FRAMES)).containsExactly("empty");
    assertThat(checks.flags("A large red circle glides from the top left to", true, FRAMES)).containsExactly("cut_off");
    assertThat(checks.flags("A large red circle glides to the center.", false, FRAMES)).containsExactly("cut_off");
  }

  @Test
  void loopsAreFlagged() {
    String loop = "A red circle moves to the center. The red circle moves to the center and the red circle moves to "
        + "the center and the red circle moves to the center.";
    assertThat(checks.flags(loop, true, FRAMES)).contains("repetition");
    String sameSentence = "A blue square rests at the bottom. A red circle moves. A blue square rests at the bottom.";
    assertThat(checks.flags(sameSentence, true, FRAMES)).contains("repetition");
  }

  @Test
  void stockSentencesOfEachShotAndPhrasesSharedAcrossSentencesAreNotLoops() {
    String twoShots = "The scene shows a small red circle on the left on a plain navy background. The red circle moves "
        + "quickly to the right. The camera stays still. Then the video cuts to a plain black background, where "
        + "there is a large blue square at the top. The blue square moves quickly to the right. The camera stays "
        + "still.";
    assertThat(OutputChecks.loops(twoShots)).isFalse();
    String threeObjects = "The red ring moves quickly to the right. The blue circle moves quickly to the right. "
        + "The green square moves quickly to the right.";
    assertThat(OutputChecks.loops(threeObjects)).isFalse();
  }

  @Test
  void objectsAndColoursNoFrameMentionsAreFlaggedByName() {
    String text = "A large red circle meets a green triangle, and two blue squares wait at the bottom.";
    assertThat(checks.flags(text, true, FRAMES)).containsExactly("unsupported:green", "unsupported:triangle");
  }

  @Test
  void aPathInACircleIsNotACircle() {
    List<String> squares = List.of("A small blue square at the bottom on a plain navy background.");
    assertThat(checks.flags("The blue square moves slowly in a circle.", true, squares)).isEmpty();
    assertThat(checks.flags("The blue square chases a red circle.", true, squares))
        .containsExactly("unsupported:red", "unsupported:circle");
  }

  @Test
  void theShortCaptionCountsAsASource() {
    String text = "A dog runs past a large red circle.";
    assertThat(checks.flags(text, true, FRAMES)).containsExactly("unsupported:dog");
    assertThat(checks.flags(text, true, List.of(FRAMES.get(0), "dogs at play"))).isEmpty();
  }

  @Test
  void overlongOutputsAreOverBudget() {
    String sentence = "A large red circle glides slowly across a plain navy background. ";
    String text = sentence.repeat(1).strip();
    OutputChecks tight = OutputChecks.withBudget(10);
    assertThat(tight.flags(text, true, FRAMES)).contains("over_budget");
    assertThat(checks.flags(text, true, FRAMES)).doesNotContain("over_budget");
    assertThatThrownBy(() -> OutputChecks.withBudget(0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theT5EstimateCountsWordsPiecesPunctuationAndEos() {
    TokenCounter t5 = TokenCounter.t5Estimate();
    assertThat(t5.count("A red circle.")).isEqualTo(5);
    assertThat(t5.count("")).isEqualTo(1);
    // 14 letters: one token for the first 8, one more for the next 6
    assertThat(t5.count("extraordinaire")).isEqualTo(3);
    assertThat(t5.count("year 2024")).isEqualTo(1 + 1 + 4);
  }

  @Test
  void thePolicyDecidesWhichFlagsReject() {
    List<String> flags = List.of("over_budget", "unsupported:green");
    assertThat(QaPolicy.rejectAll().rejection(flags)).hasValue("failed output checks: over_budget, unsupported:green");
    assertThat(QaPolicy.parse("empty,cut_off").rejection(flags)).isEmpty();
    assertThat(QaPolicy.parse("unsupported").rejection(flags)).hasValue("failed output checks: unsupported:green");
    assertThat(QaPolicy.parse("none").rejection(List.of("empty"))).isEmpty();
    assertThat(QaPolicy.parse("cut_off,empty").describe()).isEqualTo("empty,cut_off");
    assertThatThrownBy(() -> QaPolicy.parse("empty,typo")).hasMessageContaining("unknown QA flag 'typo'");
  }
}
