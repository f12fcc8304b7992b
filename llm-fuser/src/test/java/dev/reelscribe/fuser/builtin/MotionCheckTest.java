package dev.reelscribe.fuser.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.fuser.TimedCaption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MotionCheckTest {
  private static final String NAVY = " on a plain navy background.";
  private static final String RIGHTWARD = "0/0/0,0/0/0,1/0/0,2/0/0,";
  private static MotionCheck check;

  @BeforeAll
  static void table(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(MotionTable.FILE), "# reelscribe motion table: test\n" + RIGHTWARD + "\tRIGHT\n"
        + "0/0/0,0/0/0,0/0/0,0/0/0,\tSTILL\n");
    check = new MotionCheck(MotionTable.read(dir).orElseThrow());
  }

  private static List<TimedCaption> captions(String... texts) {
    List<TimedCaption> out = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      out.add(new TimedCaption(0.5 * i, texts[i]));
    }
    return out;
  }

  /** A small red circle crossing from the left to the right; a blue star that stays in the top right. */
  private static final List<TimedCaption> CROSSING = captions(
      "A small red circle on the left and a large blue star in the top right" + NAVY,
      "A small red circle on the left and a large blue star in the top right" + NAVY,
      "A small red circle in the center and a large blue star in the top right" + NAVY,
      "A small red circle on the right and a large blue star in the top right" + NAVY);

  @Test
  void aMotionTheEvidenceContradictsTakesTheTablesMotionAndKeepsItsSpeed() {
    String fused = "The video opens on a plain navy background, where there is a small red circle on the left and a "
        + "large blue star in the top right. The red circle moves quickly diagonally up and to the left. The blue star "
        + "moves slowly upward. The camera stays still.";
    assertThat(check.check(fused, CROSSING)).isEqualTo("The video opens on a plain navy background, where there is a "
        + "small red circle on the left and a large blue star in the top right. The red circle moves quickly to the "
        + "right. The blue star stays still. The camera stays still.");
  }

  @Test
  void aMotionTheEvidenceAgreesWithOrTheTableNeverSawIsLeftAlone() {
    String agrees = "The red circle moves slowly to the right. The camera stays still.";
    assertThat(check.check(agrees, CROSSING)).isEqualTo(agrees);
    List<TimedCaption> unseen = captions("A small red circle in the top left" + NAVY,
        "A small red circle at the bottom" + NAVY, "A small red circle in the top left" + NAVY,
        "A small red circle at the bottom" + NAVY);
    String fused = "The red circle bounces slowly up and down. The camera stays still.";
    assertThat(check.check(fused, unseen)).isEqualTo(fused);
  }

  @Test
  void aGarbledMotionSentenceIsReadAsThePhraseItEndsWith() {
    String garbled = "The red circle moves quickly in a diamond moves quickly to the right. The blue star moves slowly "
        + "upward stays still. The camera stays still.";
    // the red circle's tail agrees with the evidence and stays; the blue star's is checked against it
    assertThat(check.check(garbled, CROSSING)).isEqualTo("The red circle moves quickly to the right. The blue star "
        + "stays still. The camera stays still.");
    List<TimedCaption> unseen = captions("A small red circle in the top left" + NAVY,
        "A small red circle at the bottom" + NAVY, "A small red circle in the top left" + NAVY,
        "A small red circle at the bottom" + NAVY);
    assertThat(check.check("The red circle moves slowly to the left to bounces slowly up and down.", unseen))
        .as("no evidence: only the loop's leftovers go").isEqualTo("The red circle bounces slowly up and down.");
    String noPhrase = "The red circle does something else entirely.";
    assertThat(check.check(noPhrase, unseen)).isEqualTo(noPhrase);
    String twoMotions = "The red circle moves slowly to the left and then bounces slowly up and down.";
    assertThat(check.check(twoMotions, unseen)).as("two motions joined: no loop").isEqualTo(twoMotions);
  }

  @Test
  void aDescriptionWhoseCutsDoNotMatchTheCaptionsIsLeftAlone() {
    List<TimedCaption> twoShots = captions("A small red circle on the left" + NAVY,
        "A small red circle on the left" + NAVY, "A small red circle in the center on a plain black background.",
        "A small red circle on the right on a plain black background.");
    String oneShot = "The red circle moves slowly upward. The camera stays still.";
    assertThat(check.check(oneShot, twoShots)).isEqualTo(oneShot);
  }

  @Test
  void theSameObjectsMotionStatedTwiceIsWrittenOnce() {
    String twice = "The red circle moves quickly upward. The red circle moves quickly downward. The camera stays still.";
    assertThat(check.check(twice, CROSSING)).isEqualTo("The red circle moves quickly to the right. The camera stays still.");
  }

  @Test
  void partsSplitWhereTheCaptionsBackgroundChanges() {
    List<TimedCaption> twoShots = captions("A small red circle on the left" + NAVY,
        "A plain black background with a large green ring on the right.",
        "A large green ring on the right on a plain black background.");
    var parts = MotionCheck.evidence(twoShots);
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).containsEntry("red", "0/0/0,");
    assertThat(parts.get(1)).containsEntry("green", "0/0/0,0/0/0,").doesNotContainKey("red");
  }
}
