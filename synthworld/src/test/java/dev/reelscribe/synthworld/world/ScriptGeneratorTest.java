package dev.reelscribe.synthworld.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.synthworld.script.BackgroundKind;
import dev.reelscribe.synthworld.script.CameraMotion;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.ScenePart;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.ScriptJson;
import dev.reelscribe.synthworld.script.Shape;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScriptGeneratorTest {
  private final WorldConfig config = WorldConfig.defaults();

  @Test
  void sameSeedAndIndexGiveTheSameScriptWhateverElseWasAsked() {
    ScriptGenerator a = new ScriptGenerator(config, 42);
    ScriptGenerator b = new ScriptGenerator(config, 42);
    b.script(999);
    assertThat(ScriptJson.write(a.script(17))).isEqualTo(ScriptJson.write(b.script(17)));
    assertThat(a.script(17).id()).isEqualTo("sw-42-000017");
  }

  @Test
  void differentSeedsGiveDifferentScripts() {
    String first = ScriptJson.write(new ScriptGenerator(config, 1).script(0));
    String second = ScriptJson.write(new ScriptGenerator(config, 2).script(0));
    assertThat(first.substring(first.indexOf("parts"))).isNotEqualTo(second.substring(second.indexOf("parts")));
  }

  @Test
  void jsonRoundTripsExactly() {
    ScriptGenerator gen = new ScriptGenerator(config, 5);
    for (int i = 0; i < 50; i++) {
      SceneScript s = gen.script(i);
      assertThat(ScriptJson.read(ScriptJson.write(s))).isEqualTo(s);
    }
  }

  @Test
  void badJsonIsAClearError() {
    assertThatThrownBy(() -> ScriptJson.read("{\"id\":\"x\",\"bogus\":1}"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a scene script");
    String ok = ScriptJson.write(new ScriptGenerator(config, 5).script(0));
    assertThatThrownBy(() -> ScriptJson.read(ok.replaceFirst("\"width\":128", "\"width\":3")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theWorldUsesItsWholeVocabulary() {
    ScriptGenerator gen = new ScriptGenerator(config, 11);
    Set<Shape> shapes = EnumSet.noneOf(Shape.class);
    Set<Colour> colours = EnumSet.noneOf(Colour.class);
    Set<MotionKind> motions = EnumSet.noneOf(MotionKind.class);
    Set<BackgroundKind> backgrounds = EnumSet.noneOf(BackgroundKind.class);
    Set<CameraMotion> cameras = EnumSet.noneOf(CameraMotion.class);
    int cuts = 0;
    int texts = 0;
    int statics = 0;
    int[] counts = new int[4];
    for (int i = 0; i < 600; i++) {
      SceneScript s = gen.script(i);
      cuts += s.hasCut() ? 1 : 0;
      texts += s.text() != null ? 1 : 0;
      statics += s.staticBurst() != null ? 1 : 0;
      for (ScenePart p : s.parts()) {
        backgrounds.add(p.background().kind());
        cameras.add(p.camera());
        counts[p.objects().size()]++;
        for (SceneObject o : p.objects()) {
          shapes.add(o.shape());
          colours.add(o.colour());
          motions.add(o.motion().kind());
        }
      }
    }
    assertThat(shapes).hasSize(Shape.values().length);
    assertThat(colours).hasSize(Colour.values().length);
    assertThat(motions).hasSize(MotionKind.values().length);
    assertThat(backgrounds).hasSize(BackgroundKind.values().length);
    assertThat(cameras).hasSize(CameraMotion.values().length);
    assertThat(cuts).isBetween(80, 160);
    assertThat(texts).isBetween(80, 160);
    assertThat(statics).isBetween(30, 100);
    assertThat(counts[1]).isPositive();
    assertThat(counts[2]).isPositive();
    assertThat(counts[3]).isPositive();
  }

  @Test
  void objectsStayInsideTheFrameWhileTheCameraRests() {
    ScriptGenerator gen = new ScriptGenerator(config.plain(), 3);
    for (int i = 0; i < 200; i++) {
      SceneScript s = gen.script(i);
      for (int f = 0; f < s.frames(); f++) {
        for (OnScreen o : FrameLayout.of(s, f).objects()) {
          double r = o.pose().radius();
          assertThat(o.pose().x() - r).as("%s frame %d", s.id(), f).isGreaterThanOrEqualTo(0);
          assertThat(o.pose().x() + r).isLessThanOrEqualTo(1);
          assertThat(o.pose().y() - r).isGreaterThanOrEqualTo(0);
          assertThat(o.pose().y() + r).isLessThanOrEqualTo(1);
        }
      }
    }
  }

  @Test
  void longClipsAndOddSizesStillGenerate() {
    ScriptGenerator gen = new ScriptGenerator(config.withFrames(49).withSize(160, 96), 8);
    for (int i = 0; i < 100; i++) {
      SceneScript s = gen.script(i);
      assertThat(s.frames()).isEqualTo(49);
      assertThat(s.width()).isEqualTo(160);
    }
  }

  @Test
  void configRejectsNonsense() {
    assertThatThrownBy(() -> config.withFrames(3)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withSize(8, 8)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withFps(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> config.withProbabilities(2, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
