package dev.reelscribe.captioner.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.Pose;
import dev.reelscribe.synthworld.world.Kinematics;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SpinsTest {
  private static List<SceneScript> scripts() {
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), 5);
    return IntStream.range(0, 60).mapToObj(generator::script).toList();
  }

  private static List<SceneObject> objects(SceneScript s) {
    return s.parts().stream().flatMap(p -> p.objects().stream()).toList();
  }

  @Test
  void shareZeroLeavesEveryScriptAsItIs() {
    SplittableRandom random = new SplittableRandom(1);
    for (SceneScript s : scripts()) {
      assertThat(Spins.apply(s, random, 0)).isSameAs(s);
    }
  }

  @Test
  void shareOneSpinsEveryRotatableShapeAndKeepsEverythingElse() {
    SplittableRandom random = new SplittableRandom(1);
    int spun = 0;
    for (SceneScript s : scripts()) {
      SceneScript out = Spins.apply(s, random, 1);
      assertThat(out.parts()).hasSameSizeAs(s.parts());
      for (int p = 0; p < s.parts().size(); p++) {
        ScenePart before = s.parts().get(p);
        ScenePart after = out.parts().get(p);
        assertThat(after.startFrame()).isEqualTo(before.startFrame());
        assertThat(after.background()).isEqualTo(before.background());
        assertThat(after.camera()).isEqualTo(before.camera());
        for (int i = 0; i < before.objects().size(); i++) {
          SceneObject b = before.objects().get(i);
          SceneObject a = after.objects().get(i);
          assertThat(List.<Object>of(a.shape(), a.colour(), a.size(), a.x(), a.y(), a.depth(), a.motion().speed()))
              .isEqualTo(List.<Object>of(b.shape(), b.colour(), b.size(), b.x(), b.y(), b.depth(), b.motion().speed()));
          if (b.shape().rotationVisible()) {
            assertThat(a.motion().kind()).isEqualTo(MotionKind.ROTATE);
            spun += b.motion().kind() == MotionKind.ROTATE ? 0 : 1;
          } else {
            assertThat(a.motion()).isEqualTo(b.motion());
          }
        }
      }
      assertThat(List.<Object>of(out.id(), out.frames(), out.fps())).isEqualTo(List.<Object>of(s.id(), s.frames(), s.fps()));
    }
    assertThat(spun).isGreaterThan(30);
  }

  @Test
  void aPartialShareSpinsAboutThatShareAndTurnsTheShapes() {
    SplittableRandom random = new SplittableRandom(2);
    int rotatable = 0;
    int spun = 0;
    for (SceneScript s : scripts()) {
      List<SceneObject> before = objects(s);
      List<SceneObject> after = objects(Spins.apply(s, random, 0.3));
      for (int i = 0; i < before.size(); i++) {
        if (before.get(i).shape().rotationVisible() && before.get(i).motion().kind() != MotionKind.ROTATE) {
          rotatable++;
          if (after.get(i).motion().kind() == MotionKind.ROTATE) {
            spun++;
            Pose later = Kinematics.pose(after.get(i), 1.0, 4.0);
            assertThat(later.angle()).isGreaterThan(0.5); // at least 60 degrees a second
          }
        }
      }
    }
    assertThat((double) spun / rotatable).isBetween(0.2, 0.4);
  }

  @Test
  void theSameRandomSeedGivesTheSameScripts() {
    List<SceneScript> a = scripts().stream().map(s -> Spins.apply(s, new SplittableRandom(9), 0.5)).toList();
    List<SceneScript> b = scripts().stream().map(s -> Spins.apply(s, new SplittableRandom(9), 0.5)).toList();
    assertThat(a).isEqualTo(b);
  }

  @Test
  void aShareOutsideZeroToOneIsRefused() {
    SceneScript s = scripts().get(0);
    assertThatThrownBy(() -> Spins.apply(s, new SplittableRandom(1), 1.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spin share");
  }
}
