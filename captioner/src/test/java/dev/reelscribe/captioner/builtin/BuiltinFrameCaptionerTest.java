package dev.reelscribe.captioner.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.captioner.train.FrameCaptionerTrainer;
import dev.reelscribe.captioner.train.TrainOptions;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.synthworld.render.SceneRenderer;
import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import dev.reelscribe.synthworld.world.WorldConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/** Trains a tiny captioner for a few steps, then loads it through DJL Criteria like a user's model. */
class BuiltinFrameCaptionerTest {
  @TempDir static Path dir;
  static String log;

  @BeforeAll
  static void trainTiny() throws Exception {
    StringWriter buf = new StringWriter();
    // grid places on, so validation during training and every load below read the grid head's output too
    new FrameCaptionerTrainer(CaptionerConfig.tiny().withGridPlaces(true),
        new TrainOptions(3, 60, 8, 3e-3f, 30, 8, 0.3, dir.resolve("model")), new PrintWriter(buf, true)).train();
    log = buf.toString();
  }

  static List<FrameImage> frames(int n) {
    OpenCv.load();
    ScriptGenerator generator = new ScriptGenerator(WorldConfig.defaults(), 99);
    List<FrameImage> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SceneScript script = generator.script(i);
      try (SceneRenderer r = new SceneRenderer(script)) {
        Mat m = new Mat();
        r.render(5, m);
        out.add(new FrameImage(script.id() + "#5", FramePixels.jpeg(m, 90)));
        m.release();
      }
    }
    return out;
  }

  @Test
  void trainingWritesAModelDirectoryAndReportsProgress() {
    Path model = dir.resolve("model");
    assertThat(model.resolve("config.json")).isRegularFile();
    assertThat(model.resolve("frame-captioner-0000.params")).isRegularFile();
    assertThat(model.resolve("serving.properties")).isRegularFile();
    assertThat(model.resolve("training.txt")).content().contains("--seed 3").contains("object");
    assertThat(log).contains("step 30/60").contains("step 50/60").contains("step 60/60").contains("val object F1");
    assertThat(loss(log, "step 60/60")).as(log).isLessThan(loss(log, "step 30/60"));
  }

  private static double loss(String log, String step) {
    String line = log.lines().filter(l -> l.startsWith(step)).findFirst().orElseThrow();
    return Double.parseDouble(line.replaceAll(".*loss ([0-9.]+).*", "$1"));
  }

  @Test
  void loadsThroughCriteriaAndCaptionsInOrderWithBadFramesFailingAlone() throws Exception {
    List<FrameImage> good = frames(3);
    List<FrameImage> batch = List.of(good.get(0), new FrameImage("broken", new byte[] {1, 2, 3}), good.get(1),
        new FrameImage("empty", new byte[0]), good.get(2));
    try (FrameCaptioner captioner = BuiltinFrameCaptioner.load(dir.resolve("model"), "local", 1, 2)) {
      assertThat(captioner.model().getBackend()).isEqualTo("local");
      assertThat(captioner.model().getVersion())
          .isEqualTo(BuiltinModel.weightsHash(dir.resolve("model")).substring(0, 16) + "+grid");
      List<CaptionResult> results = captioner.caption(batch);
      assertThat(results).hasSize(5);
      assertThat(results.get(1)).isInstanceOfSatisfying(CaptionResult.Failed.class,
          f -> assertThat(f.message()).contains("broken").contains("not a decodable image"));
      assertThat(results.get(3)).isInstanceOfSatisfying(CaptionResult.Failed.class,
          f -> assertThat(f.message()).contains("empty image"));
      // batching does not change what the model says about a frame
      for (int i : new int[] {0, 2, 4}) {
        assertThat(results.get(i)).isInstanceOf(CaptionResult.Ok.class);
      }
      assertThat(results.get(0)).isEqualTo(captioner.caption(List.of(good.get(0))).get(0));
      assertThat(results.get(4)).isEqualTo(captioner.caption(List.of(good.get(2))).get(0));
    }
  }

  @Test
  void beamSearchDecodesToo() {
    try (FrameCaptioner captioner = BuiltinFrameCaptioner.load(dir.resolve("model"), "local", 3, 4)) {
      List<CaptionResult> results = captioner.caption(frames(2));
      assertThat(results).allMatch(r -> r instanceof CaptionResult.Ok);
      assertThat(captioner.model().getVersion()).endsWith("+beam3+grid");
    }
  }

  @Test
  void hedgingWritesUnsureShapesAsShapeAndChangesNothingElse() {
    // the committed model (a 60-step tiny one names no shapes yet), hedging off and at 0.99
    List<FrameImage> frames = frames(12);
    try (FrameCaptioner plain = FrameCaptioners.open(CaptionerSpec.builtin().withHedgeBelow(0).withGridPlaces(false));
        FrameCaptioner unsure = FrameCaptioners.open(CaptionerSpec.builtin().withHedgeBelow(0.99).withGridPlaces(false))) {
      assertThat(unsure.model().getVersion()).isEqualTo(plain.model().getVersion() + "+hedge0.99");
      List<CaptionResult> a = plain.caption(frames);
      List<CaptionResult> b = unsure.caption(frames);
      java.util.Set<String> shapes = new java.util.HashSet<>();
      for (dev.reelscribe.synthworld.script.Shape s : dev.reelscribe.synthworld.script.Shape.values()) {
        shapes.add(s.word());
      }
      int hedgedWords = 0;
      int shapeWords = 0;
      for (int i = 0; i < frames.size(); i++) {
        String[] x = ((CaptionResult.Ok) a.get(i)).text().split(" ");
        String[] y = ((CaptionResult.Ok) b.get(i)).text().split(" ");
        assertThat(y).hasSameSizeAs(x);
        for (int w = 0; w < x.length; w++) {
          shapeWords += shapes.contains(x[w].replaceAll("[.,]", "")) ? 1 : 0;
          if (!x[w].equals(y[w])) {
            assertThat(shapes).as(x[w]).contains(x[w].replaceAll("[.,]", ""));
            assertThat(y[w].replaceAll("[.,]", "")).isEqualTo(ShapeHedge.WORD);
            hedgedWords++;
          }
        }
      }
      // some shapes, not all: the model is sure of most of what it names
      assertThat(hedgedWords).as("%s / %s", a, b).isPositive().isLessThan(shapeWords);
    }
  }

  @Test
  void gridPlacesChangeOnlyPlacesAndAreRecordedInTheVersion() {
    List<FrameImage> frames = frames(40);
    try (FrameCaptioner plain = FrameCaptioners.open(CaptionerSpec.builtin().withGridPlaces(false));
        FrameCaptioner grid = FrameCaptioners.open(CaptionerSpec.builtin().withGridPlaces(true))) {
      assertThat(grid.model().getVersion()).isEqualTo(plain.model().getVersion() + "+grid");
      List<CaptionResult> a = plain.caption(frames);
      List<CaptionResult> b = grid.caption(frames);
      java.util.regex.Pattern place = java.util.regex.Pattern.compile(
          "(in the (top |bottom )?(left|right)|at the (top|bottom)|on the (left|right)|in the center)");
      int moved = 0;
      for (int i = 0; i < frames.size(); i++) {
        String x = ((CaptionResult.Ok) a.get(i)).text();
        String y = ((CaptionResult.Ok) b.get(i)).text();
        assertThat(place.matcher(y).replaceAll("@")).as(y).isEqualTo(place.matcher(x).replaceAll("@"));
        moved += x.equals(y) ? 0 : 1;
      }
      // the grid head is read: some place the decoder got wrong is moved, most stay
      assertThat(moved).as("%s / %s", a, b).isPositive().isLessThan(frames.size() / 2);
    }
  }

  @Test
  void aModelDirectoryFromBeforeHedgingReadsAsUnhedgedWithoutGridPlaces() throws Exception {
    Path old = Files.createDirectories(dir.resolve("old-config"));
    String json = Files.readString(dir.resolve("model").resolve("config.json"))
        .replaceAll(",\\s*\"hedgeBelow\"\\s*:\\s*[0-9.]+", "")
        .replaceAll(",\\s*\"gridPlaces\"\\s*:\\s*[a-z]+", "");
    assertThat(json).doesNotContain("hedgeBelow").doesNotContain("gridPlaces");
    Files.writeString(old.resolve("config.json"), json);
    assertThat(CaptionerConfig.read(old).hedgeBelow()).isZero();
    assertThat(CaptionerConfig.read(old).gridPlaces()).isFalse();
    assertThat(CaptionerConfig.builtin().hedgeBelow()).isEqualTo(CaptionerConfig.BUILTIN_HEDGE_BELOW);
    assertThat(CaptionerConfig.builtin().gridPlaces()).isTrue();
  }

  @Test
  void theCommittedConfigIsWhatTrainingWrites() throws Exception {
    Path written = dir.resolve("builtin-config");
    CaptionerConfig.builtin().write(written);
    try (var committed = BuiltinFrameCaptionerTest.class.getResourceAsStream("/dev/reelscribe/captioner/model/config.json")) {
      assertThat(Files.readString(written.resolve("config.json")))
          .isEqualTo(new String(committed.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  @Test
  void theSameSeedTrainsTheSameWeights() throws Exception {
    List<String> hashes = new ArrayList<>();
    for (String run : List.of("a", "b")) {
      Path out = dir.resolve("repro-" + run);
      new FrameCaptionerTrainer(CaptionerConfig.tiny(), new TrainOptions(11, 12, 4, 3e-3f, 12, 2, 0.3, out),
          new PrintWriter(new StringWriter())).train();
      hashes.add(BuiltinModel.weightsHash(out));
    }
    assertThat(hashes.get(0)).isEqualTo(hashes.get(1));
  }

  @Test
  void aDirectoryWithoutAModelIsAClearError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nothing"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> BuiltinFrameCaptioner.load(empty, "local", 1, 1))
        .hasMessageContaining("not a frame-captioner model directory");
  }
}
