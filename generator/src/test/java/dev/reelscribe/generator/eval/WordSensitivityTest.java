package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.reelscribe.frames.Result;
import dev.reelscribe.generator.data.ClipLoader;
import dev.reelscribe.generator.data.GeneratorWorld;
import dev.reelscribe.generator.sample.VideoGenerator;
import dev.reelscribe.synthworld.render.Mp4Renderer;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordSensitivityTest {
  private static final GeneratorWorld WORLD = GeneratorWorld.builtin();

  @Test
  void theSwapsChangeOnlyTheObjectsWordEverywhereItIsNamed() {
    SceneScript script = WORLD.scripts(1000, 1).get(0);
    SceneObject object = ClipGrader.object(script);
    String prompt = DescriptionWriter.canonical(script);
    int named = prompt.split(object.name(), -1).length - 1;
    assertThat(named).as(prompt).isPositive();

    String shape = WordSensitivity.withShape(prompt, object);
    String colour = WordSensitivity.withColour(prompt, object);
    assertThat(shape).doesNotContain(object.name()).isNotEqualTo(prompt);
    assertThat(colour).doesNotContain(object.name()).isNotEqualTo(prompt);
    // the other word takes the object's word's place each time, and nothing else moves
    assertThat(shape.split(object.colour().word() + " ", -1).length - 1).isGreaterThanOrEqualTo(named);
    assertThat(colour.split(" " + object.shape().word(), -1).length - 1).isGreaterThanOrEqualTo(named);
    assertThat(shape.split(" ").length).isEqualTo(prompt.split(" ").length);
    assertThat(colour.split(" ").length).isEqualTo(prompt.split(" ").length);
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
      Path mp4 = dir.resolve(s.id() + ".mp4");
      Mp4Renderer.write(s, mp4);
      clips.add(((Result.Ok<byte[]>) ClipLoader.load(mp4, WORLD.frames(), WORLD.size())).value());
    }
    try (VideoGenerator generator = VideoGenerator.builtin()) {
      WordSensitivity words = WordSensitivity.measure(generator, clips, scripts);
      assertThat(words.clips()).isEqualTo(4);
      assertThat(words.asPrompted()).isPositive();
      // colour 0.98 in the evaluation: a wrong colour word must cost the estimate much more than the right one
      assertThat(words.colourSwapped()).isGreaterThan(2 * words.asPrompted());
      assertThat(words.line()).contains("with another shape word").contains("with another colour word");
    }
  }
}
