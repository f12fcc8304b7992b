package dev.reelscribe.synthworld.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.videoio.VideoCapture;
import org.opencv.videoio.Videoio;

class SceneRendererTest {
  @BeforeAll
  static void load() {
    OpenCv.load();
  }

  @Test
  void everyClearlyVisibleObjectHasItsColourAtItsCentre() {
    ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults(), 21);
    Mat frame = new Mat();
    int checked = 0;
    for (int i = 0; i < 60; i++) {
      SceneScript s = gen.script(i);
      try (SceneRenderer r = new SceneRenderer(s)) {
        for (int f = 0; f < s.frames(); f += 8) {
          FrameLayout layout = FrameLayout.of(s, f);
          if (layout.staticNoise() || layout.text() != null) {
            continue;
          }
          r.render(f, frame);
          for (OnScreen o : layout.objects()) {
            if (o.visible() < 1.0 || o.object().shape() == Shape.RING) {
              continue;
            }
            int px = (int) Math.round(o.pose().x() * s.width());
            int py = (int) Math.round(o.pose().y() * s.height() + 0.5);
            double[] got = frame.get(py, px);
            double[] want = o.object().colour().bgr();
            for (int c = 0; c < 3; c++) {
              assertThat(got[c]).as("%s frame %d %s", s.id(), f, o.object().name()).isCloseTo(want[c],
                  org.assertj.core.data.Offset.offset(2.0));
            }
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(150);
  }

  @Test
  void renderingIsDeterministic() {
    SceneScript s = new ScriptGenerator(WorldConfig.defaults(), 4).script(9);
    Mat a = new Mat();
    Mat b = new Mat();
    Mat diff = new Mat();
    try (SceneRenderer r1 = new SceneRenderer(s); SceneRenderer r2 = new SceneRenderer(s)) {
      for (int f = 0; f < s.frames(); f++) {
        r1.render(f, a);
        r2.render(f, b);
        Core.absdiff(a, b, diff);
        assertThat(Core.sumElems(diff).val).containsOnly(0.0);
      }
    }
  }

  @Test
  void staticFramesAreNoiseAndOtherFramesAreNot() {
    ScriptGenerator gen = new ScriptGenerator(WorldConfig.defaults().withProbabilities(0, 0, 1, 0), 2);
    SceneScript s = gen.script(0);
    assertThat(s.staticBurst()).isNotNull();
    Mat frame = new Mat();
    try (SceneRenderer r = new SceneRenderer(s)) {
      r.render(s.staticBurst().startFrame(), frame);
      assertThat(stdDev(frame)).isGreaterThan(60);
      r.render(s.staticBurst().endFrame(), frame);
      assertThat(stdDev(frame)).isLessThan(60);
    }
  }

  @Test
  void theMp4HoldsEveryFrameCloseToWhatWasDrawn(@TempDir Path dir) throws Exception {
    SceneScript s = new ScriptGenerator(WorldConfig.defaults(), 6).script(1);
    Path mp4 = dir.resolve("clip.mp4");
    Mp4Renderer.write(s, mp4);
    VideoCapture cap = new VideoCapture(mp4.toString(), Videoio.CAP_FFMPEG);
    Mat decoded = new Mat();
    Mat drawn = new Mat();
    int frames = 0;
    try (SceneRenderer r = new SceneRenderer(s)) {
      while (cap.read(decoded)) {
        r.render(frames, drawn);
        assertThat(decoded.size()).isEqualTo(drawn.size());
        assertThat(Core.PSNR(decoded, drawn)).as("frame %d", frames).isGreaterThan(28);
        frames++;
      }
    } finally {
      cap.release();
    }
    assertThat(frames).isEqualTo(s.frames());
    assertThat(dir.toFile().list()).containsExactly("clip.mp4");
  }

  private static double stdDev(Mat m) {
    MatOfDouble mean = new MatOfDouble();
    MatOfDouble dev = new MatOfDouble();
    Core.meanStdDev(m, mean, dev);
    return dev.toArray()[0];
  }
}
