package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.frames.Result;
import dev.reelscribe.generator.data.ClipLoader;
import dev.reelscribe.generator.data.GeneratorWorld;
import dev.reelscribe.synthworld.render.Mp4Renderer;
import dev.reelscribe.synthworld.script.SceneScript;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grader on real rendered clips, with the built-in frame captioner: graded against their own
 * scripts most clips pass; graded against another clip's script most fail. That gap is what makes
 * the generator's figures mean something.
 */
class ClipGraderTest {

  @Test
  void renderedClipsPassTheirOwnScriptAndFailAnothers(@TempDir Path dir) throws Exception {
    GeneratorWorld world = GeneratorWorld.builtin();
    List<SceneScript> scripts = world.scripts(77, 12);
    int own = 0;
    int other = 0;
    int ownMotion = 0;
    int motionGraded = 0;
    try (FrameCaptioner captioner = FrameCaptioners.open(CaptionerSpec.builtin())) {
      ClipGrader grader = new ClipGrader(captioner);
      for (int i = 0; i < scripts.size(); i++) {
        SceneScript s = scripts.get(i);
        Path mp4 = dir.resolve(s.id() + ".mp4");
        Mp4Renderer.write(s, mp4);
        byte[] clip = ((Result.Ok<byte[]>) ClipLoader.load(mp4, world.frames(), world.size())).value();
        byte[] rgb = GeneratorEval.channelsLast(clip, world.frames(), world.size());
        ClipGrader.Grade mine = grader.grade(s.id(), rgb, world.frames(), world.size(), s);
        ClipGrader.Grade theirs = grader.grade(s.id(), rgb, world.frames(), world.size(),
            scripts.get((i + 1) % scripts.size()));
        own += mine.colour() ? 1 : 0;
        other += theirs.colour() ? 1 : 0;
        if (mine.motion() != null) {
          motionGraded++;
          ownMotion += mine.motion() ? 1 : 0;
        }
        assertThat(mine.captions()).hasSize(3);
      }
    }
    assertThat(own).isGreaterThanOrEqualTo(9);
    assertThat(other).isLessThanOrEqualTo(3);
    assertThat(motionGraded).isPositive();
    assertThat(ownMotion).isGreaterThanOrEqualTo((int) Math.ceil(motionGraded * 0.7));
  }
}
