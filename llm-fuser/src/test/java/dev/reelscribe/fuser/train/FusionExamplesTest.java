package dev.reelscribe.fuser.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.synthworld.score.Kind;
import dev.reelscribe.synthworld.score.Score;
import dev.reelscribe.synthworld.score.TruthScorer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.truth.DescriptionWriter;
import dev.reelscribe.synthworld.truth.FrameCaptionWriter;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in fuser's training data, made with the real built-in frame captioner. */
class FusionExamplesTest {
  @Test
  void pairsTheCaptionersOutputWithTheCanonicalDescriptionAndRoundTrips(@TempDir Path dir) throws Exception {
    List<FusionExample> examples;
    try (FrameCaptioner captioner = FrameCaptioners.open(CaptionerSpec.builtin());
        FrameCaptioner.Session session = captioner.open()) {
      examples = FusionExamples.make(session, 21, 3, 5, 4, null);
      assertThat(FusionExamples.make(session, 21, 3, 5, 4, null)).as("depends only on the seed").isEqualTo(examples);
    }
    ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults(), 21);
    assertThat(examples).hasSize(5);
    Score captions = Score.empty();
    for (int i = 0; i < 5; i++) {
      FusionExample e = examples.get(i);
      assertThat(e.clipId()).isEqualTo(gen.script(3 + i).id());
      assertThat(e.description()).isEqualTo(DescriptionWriter.canonical(gen.script(3 + i)));
      assertThat(e.captions()).hasSize(4);
      assertThat(e.captions().get(0).seconds()).isLessThan(e.captions().get(3).seconds());
      for (int j = 0; j < 4; j++) {
        captions = captions.plus(TruthScorer.scoreFrame(e.captions().get(j).text(),
            gen.script(3 + i), FusionExamples.frames(gen.script(3 + i), 4)[j]));
      }
    }
    // real captions of the real frames: mostly right (the built-in captioner's held-out F1 is ~0.93)
    assertThat(captions.tally(Kind.OBJECT).f1()).isGreaterThan(0.7);
    Path file = dir.resolve("examples.jsonl");
    FusionExamples.write(examples, file);
    assertThat(FusionExamples.read(file)).isEqualTo(examples);
  }

  @Test
  void truthCaptionedExamplesCarrySynthworldsFrameCaptionsAtTheSampledFrames() {
    SceneScript script = new ScriptGenerator(WorldConfig.defaults(), 4).script(9);
    FusionExample e = FusionExamples.truthCaptioned(script, 8);
    int[] frames = FusionExamples.frames(script, 8);
    assertThat(e.clipId()).isEqualTo(script.id());
    assertThat(e.description()).isEqualTo(DescriptionWriter.canonical(script));
    assertThat(e.durationSeconds()).isEqualTo(script.frames() / script.fps());
    assertThat(e.captions()).hasSize(8);
    for (int j = 0; j < 8; j++) {
      assertThat(e.captions().get(j).seconds()).isEqualTo(frames[j] / script.fps());
      assertThat(e.captions().get(j).text()).isEqualTo(FrameCaptionWriter.canonical(FrameLayout.of(script, frames[j])));
      // the truth captions are right about their frame, every fact of it
      Score s = TruthScorer.scoreFrame(e.captions().get(j).text(), script, frames[j]);
      assertThat(s.hallucinationRate()).isZero();
      if (s.tally(Kind.OBJECT).facts() > 0) {
        assertThat(s.tally(Kind.OBJECT).f1()).isEqualTo(1.0);
      }
    }
  }
}
