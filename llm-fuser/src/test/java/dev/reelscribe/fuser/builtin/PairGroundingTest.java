package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.builtin.Vocabulary;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.TimedCaption;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairGroundingTest {
  private static final Vocabulary WORDS = Vocabulary.of(List.of(
      "A small red square and a large blue circle on a plain navy background.",
      "A medium red hexagon, a green star and a white ring."));
  private static final FuserConfig CONFIG = FuserConfig.tiny(WORDS.tokens());

  /** Three frames: the red object is read as a square twice and as a hexagon once. */
  private static final FusionInput CLIP = new FusionInput("c", List.of(
      new TimedCaption(0.5, "A small red square and a large blue circle on a plain navy background."),
      new TimedCaption(1.5, "A small red square and a large blue circle on a plain navy background."),
      new TimedCaption(2.5, "A medium red hexagon and a large blue circle on a plain navy background.")), 3.0);

  private static int id(String word) {
    return WORDS.encode(word)[0];
  }

  private static float[] maskAfter(String word) {
    PairGrounding grounding = new PairGrounding(CONFIG.vocabulary());
    PairGrounding.Pairs pairs = grounding.pairs(new FuserTokens(CONFIG).input(CLIP));
    float[] mask = new float[CONFIG.vocabulary().size()];
    pairs.mask(id(word), -1e9f, mask, 0);
    return mask;
  }

  @Test
  void afterAColourOnlyTheNounsTheCaptionsPutAfterItStayOpen() {
    float[] afterRed = maskAfter("red");
    assertThat(afterRed[id("square")]).as("seen after red twice of three: the most seen").isZero();
    assertThat(afterRed[id("hexagon")]).as("seen once: tilted by ln(1/2)")
        .isCloseTo((float) (PairGrounding.EVIDENCE_WEIGHT * Math.log(0.5)), Offset.offset(1e-6f));
    assertThat(afterRed[id("circle")]).as("only ever seen after blue").isEqualTo(-1e9f);
    assertThat(afterRed[id("star")]).as("in no caption").isEqualTo(-1e9f);
    assertThat(afterRed[id("ring")]).isEqualTo(-1e9f);
    // words that are not nouns are not governed after a colour
    assertThat(afterRed[id("and")]).isZero();
    assertThat(afterRed[id("red")]).isZero();

    float[] afterBlue = maskAfter("blue");
    assertThat(afterBlue[id("circle")]).isZero();
    assertThat(afterBlue[id("square")]).isEqualTo(-1e9f);
  }

  @Test
  void aBackgroundColourAllowsNoNounAndUnknownColoursNone() {
    float[] afterNavy = maskAfter("navy");
    assertThat(afterNavy[id("square")]).isEqualTo(-1e9f);
    assertThat(afterNavy[id("circle")]).isEqualTo(-1e9f);
    assertThat(afterNavy[id("background")]).isZero();
    float[] afterGreen = maskAfter("green");
    assertThat(afterGreen[id("star")]).as("green is in the vocabulary, not in this clip's captions").isEqualTo(-1e9f);
  }

  @Test
  void afterASizeOnlyTheColoursTheCaptionsPutAfterItStayOpen() {
    float[] afterSmall = maskAfter("small");
    assertThat(afterSmall[id("red")]).isZero();
    assertThat(afterSmall[id("blue")]).isEqualTo(-1e9f);
    assertThat(afterSmall[id("square")]).as("nouns are not governed after a size").isZero();
    float[] afterLarge = maskAfter("large");
    assertThat(afterLarge[id("blue")]).isZero();
    assertThat(afterLarge[id("red")]).isEqualTo(-1e9f);
  }

  @Test
  void otherWordsLeaveTheNextWordFree() {
    assertThat(maskAfter("a")).containsOnly(0f);
    assertThat(maskAfter("square")).containsOnly(0f);
    PairGrounding grounding = new PairGrounding(CONFIG.vocabulary());
    float[] mask = new float[CONFIG.vocabulary().size()];
    grounding.pairs(new FuserTokens(CONFIG).input(CLIP)).mask(CONFIG.frameMarker(), -1e9f, mask, 0);
    assertThat(mask).as("an input-only id").containsOnly(0f);
  }

  @Test
  void theMaskIsWrittenAtTheRowsOffsetOnly() {
    PairGrounding grounding = new PairGrounding(CONFIG.vocabulary());
    int v = CONFIG.vocabulary().size();
    float[] mask = new float[2 * v];
    grounding.pairs(new FuserTokens(CONFIG).input(CLIP)).mask(id("red"), -1e9f, mask, v);
    assertThat(java.util.Arrays.copyOfRange(mask, 0, v)).containsOnly(0f);
    assertThat(mask[v + id("circle")]).isEqualTo(-1e9f);
  }

  @Test
  void theBuiltinConfigurationTurnsItOnAndAnOlderConfigReadsAsOff(@TempDir Path dir) throws Exception {
    assertThat(FuserConfig.builtin().pairGrounding()).isTrue();
    assertThat(FuserConfig.read(FuserModel.unpackEmbedded()).pairGrounding()).as("the committed config.json").isTrue();
    String older = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(CONFIG)
        .replace(",\"pairGrounding\":false", "");
    assertThat(older).doesNotContain("pairGrounding");
    java.nio.file.Files.writeString(dir.resolve("config.json"), older);
    assertThat(FuserConfig.read(dir).pairGrounding()).isFalse();
  }
}
