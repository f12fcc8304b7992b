package dev.reelscribe.synthworld.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.Background;
import dev.reelscribe.synthworld.script.BackgroundColour;
import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.CameraMotion;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import dev.reelscribe.synthworld.script.Speed;
import dev.reelscribe.synthworld.script.TextKind;
import dev.reelscribe.synthworld.script.TextOverlay;
import dev.reelscribe.synthworld.truth.ClipTruth;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TruthScorerTest {
  /** A red circle (large, top left, moving right) and a blue square (small, bottom right, spinning). */
  static final SceneScript TWO = new SceneScript("two", 0, 128, 128, 8, 33, List.of(new ScenePart(0,
      new Background(BackgroundKind.GRID, BackgroundColour.NAVY, null), CameraMotion.ZOOM_IN, List.of(
          new SceneObject(Shape.CIRCLE, Colour.RED, SizeClass.LARGE, 0.2, 0.2, new Motion(MotionKind.RIGHT, Speed.SLOW), 0),
          new SceneObject(Shape.SQUARE, Colour.BLUE, SizeClass.SMALL, 0.8, 0.8, new Motion(MotionKind.ROTATE, Speed.FAST), 1)))),
      new TextOverlay(TextKind.SUBTITLE, "HELLO", 0, 33), null);

  private static void perfect(Score s, Kind... kinds) {
    for (Kind k : kinds) {
      assertThat(s.tally(k).precision()).as(k + " precision in " + s.json()).isEqualTo(1.0);
      assertThat(s.tally(k).recall()).as(k + " recall in " + s.json()).isEqualTo(1.0);
    }
    assertThat(s.hallucinated()).as(s.json()).isZero();
  }

  @Test
  void everyTruthLevelGradesPerfectlyAgainstItsOwnScript() {
    ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults(), 77);
    Score dense = Score.empty();
    Score frames = Score.empty();
    Score prompts = Score.empty();
    Score canonical = Score.empty();
    for (int i = 0; i < 150; i++) {
      SceneScript s = gen.script(i);
      ClipTruth t = ClipTruth.of(s);
      dense = dense.plus(TruthScorer.scoreClip(t.description(), s));
      canonical = canonical.plus(TruthScorer.scoreClip(DescriptionWriter.canonical(s), s));
      prompts = prompts.plus(TruthScorer.scoreClip(t.prompt(), s));
      for (ClipTruth.FrameText f : t.frames()) {
        frames = frames.plus(TruthScorer.scoreFrame(f.caption(), s, f.frame()));
      }
    }
    perfect(dense, Kind.values());
    perfect(canonical, Kind.values());
    perfect(frames, Kind.OBJECT, Kind.COLOUR, Kind.SIZE, Kind.POSITION, Kind.COUNT, Kind.BACKGROUND, Kind.TEXT);
    assertThat(frames.tally(Kind.MOTION).claims()).isZero();
    for (Kind k : List.of(Kind.OBJECT, Kind.COLOUR, Kind.MOTION, Kind.TEXT)) {
      assertThat(prompts.tally(k).f1()).as(k.label()).isEqualTo(1.0);
    }
    assertThat(prompts.tally(Kind.POSITION).recall()).isZero();
  }

  @Test
  void paraphrasesWithSynonymsAreUnderstood() {
    String text = "Against a navy grid backdrop, a big crimson disc sits in the upper-left corner and a tiny azure box "
        + "rests in the lower right. The scarlet ball travels to the right. The box is spinning rapidly. "
        + "The camera pushes in. A subtitle reading \"HELLO\" runs along the bottom. Two shapes in total.";
    Score s = TruthScorer.scoreClip(text, TWO);
    perfect(s, Kind.OBJECT, Kind.COLOUR, Kind.SIZE, Kind.POSITION, Kind.MOTION, Kind.CAMERA, Kind.COUNT, Kind.TEXT);
    assertThat(s.tally(Kind.BACKGROUND).precision()).isEqualTo(1.0);
  }

  @Test
  void positionFirstClausesAndPronounsBindToTheRightObject() {
    String text = "In the top left there is a large red circle. It drifts rightward. "
        + "At the bottom right, a small blue square turns around its center.";
    Score s = TruthScorer.scoreClip(text, TWO);
    perfect(s, Kind.OBJECT, Kind.COLOUR, Kind.SIZE, Kind.POSITION, Kind.MOTION);
  }

  @Test
  void wrongColoursMotionsAndPositionsCostPrecision() {
    String text = "A large green circle in the bottom left moves to the left, and a small blue square spins.";
    Score s = TruthScorer.scoreClip(text, TWO);
    assertThat(s.tally(Kind.OBJECT).precision()).isEqualTo(1.0);
    assertThat(s.tally(Kind.COLOUR).precision()).isEqualTo(0.5);
    assertThat(s.tally(Kind.COLOUR).recall()).isEqualTo(0.5);
    assertThat(s.tally(Kind.POSITION).precision()).isZero();
    assertThat(s.tally(Kind.MOTION).precision()).isEqualTo(0.5);
    assertThat(s.hallucinated()).as("a green circle is not there").isEqualTo(1);
  }

  @Test
  void inventedObjectsAndEventsAreHallucinations() {
    String text = "A red circle and a blue square; a yellow star and a white triangle also appear. "
        + "Then the scene cuts to TV static.";
    Score s = TruthScorer.scoreClip(text, TWO);
    assertThat(s.hallucinated()).isEqualTo(4);
    assertThat(s.existenceClaims()).isEqualTo(6);
    assertThat(s.hallucinationRate()).isCloseTo(4 / 6.0, Offset.offset(1e-9));
    assertThat(s.tally(Kind.OBJECT).precision()).isEqualTo(0.5);
    assertThat(s.tally(Kind.EVENT).precision()).isZero();
  }

  @Test
  void anEmptyOrUnrelatedTextStatesNothingAndRecallsNothing() {
    for (String text : new String[] {"", "A lovely day at the beach with friends."}) {
      Score s = TruthScorer.scoreClip(text, TWO);
      assertThat(s.tally(Kind.OBJECT).claims()).isZero();
      assertThat(s.tally(Kind.OBJECT).recall()).isZero();
      assertThat(s.tally(Kind.OBJECT).f1()).isZero();
      assertThat(s.hallucinationRate()).isZero();
    }
  }

  @Test
  void describingTheWrongClipScoresLow() {
    ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults(), 5);
    Score own = Score.empty();
    Score shuffled = Score.empty();
    for (int i = 0; i < 100; i++) {
      SceneScript s = gen.script(i);
      own = own.plus(TruthScorer.scoreClip(ClipTruth.of(s).description(), s));
      shuffled = shuffled.plus(TruthScorer.scoreClip(ClipTruth.of(gen.script((i + 1) % 100)).description(), s));
    }
    assertThat(own.tally(Kind.COLOUR).f1()).isEqualTo(1.0);
    assertThat(shuffled.tally(Kind.COLOUR).f1()).isLessThan(0.3);
    assertThat(shuffled.tally(Kind.MOTION).f1()).isLessThan(0.2);
    assertThat(shuffled.hallucinationRate()).isGreaterThan(0.5);
  }

  @Test
  void aMostlyHiddenObjectIsOptionalInAFrameCaption() {
    SceneScript hidden = new SceneScript("hidden", 0, 128, 128, 8, 9, List.of(new ScenePart(0,
        new Background(BackgroundKind.SOLID, BackgroundColour.BLACK, null), CameraMotion.STILL, List.of(
            new SceneObject(Shape.SQUARE, Colour.RED, SizeClass.SMALL, 0.39, 0.5, Motion.still(), 0),
            new SceneObject(Shape.CIRCLE, Colour.WHITE, SizeClass.LARGE, 0.52, 0.5, Motion.still(), 1)))), null, null);
    double visible = dev.reelscribe.synthworld.world.FrameLayout.of(hidden, 0).objects().get(0).visible();
    assertThat(visible).as("the square is mostly hidden").isBetween(0.05, 0.45);
    Score without = TruthScorer.scoreFrame("A large white circle in the center on a plain black background.", hidden, 0);
    Score with = TruthScorer.scoreFrame(
        "A large white circle and a small red square in the center on a plain black background.", hidden, 0);
    perfect(without, Kind.OBJECT, Kind.COLOUR, Kind.COUNT);
    perfect(with, Kind.OBJECT, Kind.COLOUR);
  }

  @Test
  void scoresAddUpAndPrint() {
    Score a = TruthScorer.scoreClip("A red circle.", TWO);
    Score b = TruthScorer.scoreClip("A blue square.", TWO);
    Score sum = a.plus(b);
    assertThat(sum.captions()).isEqualTo(2);
    assertThat(sum.tally(Kind.OBJECT).facts()).isEqualTo(4);
    assertThat(sum.tally(Kind.OBJECT).recalled()).isEqualTo(2);
    assertThat(sum.table()).contains("object").contains("hallucination rate");
    assertThat(sum.json()).startsWith("{\"captions\":2").contains("\"object\":{\"claims\":2");
  }
}
