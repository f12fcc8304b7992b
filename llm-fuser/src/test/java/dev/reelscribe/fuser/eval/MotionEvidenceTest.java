package dev.reelscribe.fuser.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.synthworld.script.CameraMotion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Speed;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MotionEvidenceTest {
  private static List<FrameLayout> layouts(SceneScript script, int k) {
    List<FrameLayout> out = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      out.add(FrameLayout.of(script, (int) ((j + 0.5) * script.frames() / k)));
    }
    return out;
  }

  @Test
  void aStillObjectUnderAStillCameraShowsNoChangeAndAFastOneAcrossTheFrameShowsItsDirection() {
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults().plain(), 3);
    boolean sawStill = false;
    boolean sawRight = false;
    for (int i = 0; i < 400 && !(sawStill && sawRight); i++) {
      SceneScript script = generator.script(i);
      if (script.parts().get(0).camera() != CameraMotion.STILL) {
        continue;
      }
      for (SceneObject o : script.parts().get(0).objects()) {
        String evidence = dev.reelscribe.fuser.builtin.MotionTable.evidence(layouts(script, 8), 0, o);
        assertThat(evidence.split(",")).hasSize(8);
        if (o.motion().kind() == MotionKind.STILL && !evidence.contains("-")) {
          assertThat(evidence).isEqualTo("0/0/0,".repeat(8));
          sawStill = true;
        }
        if (o.motion().kind() == MotionKind.RIGHT && o.motion().speed() == Speed.FAST && o.x() < 0.3
            && !evidence.contains("-")) {
          String[] steps = evidence.split(",");
          assertThat(steps[7]).as(evidence).matches("[12]/0/-?[0-9]");
          sawRight = true;
        }
      }
    }
    assertThat(sawStill).isTrue();
    assertThat(sawRight).isTrue();
  }

  @Test
  void theTableReadOnItsOwnClipsScoresItsInSampleAccuracyAndCannotSeeASpin() {
    MotionEvidence.Report same = MotionEvidence.measure(5, 300, 5, 300, 8);
    assertThat(same.heldOut()).isEqualTo(same.inSample());
    assertThat(same.heldObjects()).isEqualTo(same.fitObjects());
    MotionEvidence.Report r = MotionEvidence.measure(5, 1500, 6, 300, 8);
    // there is evidence: far better than always saying the commonest motion (one of 15, ~10%)
    assertThat(r.heldOut()).isBetween(0.3, 0.95);
    // a spin moves nothing between cells: the evidence of a spinning object is a still one's
    double[] rotate = r.perKind().get(MotionKind.ROTATE);
    assertThat(rotate[0] / rotate[1]).isLessThan(0.3);
  }
}
