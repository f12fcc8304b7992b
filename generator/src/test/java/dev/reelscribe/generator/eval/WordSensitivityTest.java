package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelscribe.generator.data.GeneratorWorld;
import dev.reelscribe.generator.sample.VideoGenerator;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordSensitivityTest {
  private static final GeneratorWorld WORLD = GeneratorWorld.builtin();

  @Test
  void theSwappedClipsDifferFromTheClipOnlyInTheObjectsShapeOrColourAndSoDoTheirPrompts() {
    SceneScript script = WORLD.scripts(1000, 1).get(0);
    SceneObject object = ClipGrader.object(script);
    String prompt = DescriptionWriter.canonical(script);
    assertThat(prompt).contains(object.name());

    SceneObject shape = WordSensitivity.otherShape(object);
    SceneObject colour = WordSensitivity.otherColour(object);
    assertThat(shape.shape()).isNotEqualTo(object.shape());
    assertThat(colour.colour()).isNotEqualTo(object.colour());
    assertThat(new SceneObject(object.shape(), object.colour(), shape.size(), shape.x(), shape.y(), shape.motion(),
        shape.depth())).isEqualTo(object);
    assertThat(new SceneObject(object.shape(), object.colour(), colour.size(), colour.x(), colour.y(),
        colour.motion(), colour.depth())).isEqualTo(object);
    // the swapped clips keep the clip's id, from which the renderer seeds a textured background
    assertThat(WordSensitivity.withObject(script, shape).id()).isEqualTo(script.id());
    assertThat(WordSensitivity.withObject(script, shape).parts().get(0).background())
        .isEqualTo(script.parts().get(0).background());
    // the prompts of the swapped clips are the clip's own with the object's name changed, everywhere it is named
    assertThat(DescriptionWriter.canonical(WordSensitivity.withObject(script, shape)))
        .isEqualTo(prompt.replace(object.name(), shape.name()));
    assertThat(DescriptionWriter.canonical(WordSensitivity.withObject(script, colour)))
        .isEqualTo(prompt.replace(object.name(), colour.name()));
  }

  @Test
  void aSpinningObjectIsNeverSwappedForAShapeThatCannotBeSeenToSpin() {
    SceneObject spinning = WORLD.scripts(1000, 50).stream().map(ClipGrader::object)
        .filter(o -> o.motion().kind() == MotionKind.ROTATE).findFirst().orElseThrow();
    for (Shape s : Shape.values()) {
      if (s.rotationVisible()) {
        SceneObject object = new SceneObject(s, spinning.colour(), spinning.size(), spinning.x(), spinning.y(),
            spinning.motion(), spinning.depth());
        Shape other = WordSensitivity.otherShape(object).shape();
        assertThat(other).as(s.word()).isNotEqualTo(s);
        assertThat(other.rotationVisible()).as(s.word() + " -> " + other.word()).isTrue();
      }
    }
  }

  @Test
  void followedIsTheFractionOfTheWayTheEstimateMovesTowardTheOtherClip() {
    // 1 frame x 2 channels x 2 cells; the objects are in cell 0, cell 1 is background and must not count
    float[] own = {1, 0, 3, 0};
    float[] other = {0, 0, 1, 0};
    float[] cells = {1, 0};
    // own-prompt estimate at 0, other-prompt estimate at 4: it moves (1 - 0.5, 3 - 2) = (0.5, 1) of the way (1, 2)
    float[] estimate = {1, 9, 3, -9, 0.5f, -9, 2, 9};
    assertThat(WordSensitivity.followed(estimate, 4, own, other, cells, 2, 2)).isCloseTo(0.5, within(1e-6));
    float[] ignores = {1, 9, 3, -9, 1, -9, 3, 9};
    assertThat(WordSensitivity.followed(ignores, 4, own, other, cells, 2, 2)).isCloseTo(0, within(1e-6));
    assertThat(WordSensitivity.followed(estimate, 4, own, own, cells, 2, 2)).isZero();
  }

  @Test
  void theErrorCountsOnlyTheObjectsCellsInEveryChannel() {
    // 2 frames x 2 channels x 2 cells ([F, C, H*W]); the object is in cell 1 of frame 0 and cell 0 of frame 1
    float[] clean = {0, 0, 0, 0, 0, 0, 0, 0};
    float[] cells = {0, 1, 1, 0};
    float[] estimate = {9, 1, 9, 3, 2, 9, 2, 9};   // 9s on the background cells must not count
    // object values: frame 0 cell 1 -> 1 and 3; frame 1 cell 0 -> 2 and 2: (1 + 9 + 4 + 4) / 4
    assertThat(WordSensitivity.objectError(estimate, 0, clean, cells, 2, 2)).isCloseTo(4.5, within(1e-9));
  }

  @Test
  void theCommittedGeneratorDrawsTheColourItIsToldTo(@TempDir Path dir) throws Exception {
    List<SceneScript> scripts = WORLD.scripts(1000, 4);
    List<byte[]> clips = new ArrayList<>();
    for (SceneScript s : scripts) {
      clips.add(GeneratorEval.render(s, dir.resolve(s.id() + ".mp4"), WORLD.frames(), WORLD.size()));
    }
    try (VideoGenerator generator = VideoGenerator.builtin()) {
      WordSensitivity words = WordSensitivity.measure(generator, clips, scripts);
      assertThat(words.clips()).isEqualTo(4);
      assertThat(words.asPrompted()).isPositive();
      // colour 0.98 in the evaluation: a wrong colour word must cost the estimate much more than the right one
      assertThat(words.colourSwapped()).isGreaterThan(2 * words.asPrompted());
      // ... and move its estimate a good part of the way to the other colour's latents (0.55 when this was
      // written), much further than for another shape word (0.08)
      assertThat(words.colourFollowed()).isGreaterThan(0.4).isGreaterThan(3 * words.shapeFollowed());
      assertThat(words.line()).contains("with another shape word").contains("with another colour word");
    }
  }
}
