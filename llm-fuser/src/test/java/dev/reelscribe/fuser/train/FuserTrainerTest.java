package dev.reelscribe.fuser.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.captioner.CaptionerSpec;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameCaptioners;
import dev.reelscribe.fuser.CaptionFuser;
import dev.reelscribe.fuser.FusionInput;
import dev.reelscribe.fuser.Generation;
import dev.reelscribe.fuser.PromptUpsampler;
import dev.reelscribe.fuser.TimedCaption;
import dev.reelscribe.fuser.builtin.BuiltinCaptionFuser;
import dev.reelscribe.fuser.builtin.BuiltinPromptUpsampler;
import dev.reelscribe.fuser.builtin.FuserConfig;
import dev.reelscribe.fuser.builtin.FuserModel;
import dev.reelscribe.fuser.builtin.FuserVocabulary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train fuser} end to end at a tiny size: examples captioned by the real built-in frame
 * captioner and cached, a model directory that loads through DJL in both roles, and weights that
 * depend only on the seed.
 */
class FuserTrainerTest {
  @TempDir static Path dir;
  private static FrameCaptioner captioner;
  private static String log;

  private static FuserConfig tiny() {
    return FuserConfig.tiny(FuserVocabulary.synthworld().tokens());
  }

  private static FuserTrainOptions options(long seed, int steps, Path out) {
    return new FuserTrainOptions(seed, 12, 3, steps, 6, 3e-3f, steps / 2, 4, 0.25, 0.25, out, dir.resolve("examples"));
  }

  @BeforeAll
  static void trainTiny() throws Exception {
    captioner = FrameCaptioners.open(CaptionerSpec.builtin());
    StringWriter buf = new StringWriter();
    new FuserTrainer(tiny(), options(5, 40, dir.resolve("model")), new PrintWriter(buf, true)).train(captioner, null);
    log = buf.toString();
  }

  @AfterAll
  static void close() {
    captioner.close();
  }

  @Test
  void writesAModelDirectoryAndReportsProgressAndValidation() throws Exception {
    Path model = dir.resolve("model");
    assertThat(model.resolve("config.json")).isRegularFile();
    assertThat(model.resolve("caption-fuser-0000.params")).isRegularFile();
    assertThat(model.resolve("training.txt")).content().contains("--seed 5").contains("motion")
        .contains(captioner.model().getVersion());
    assertThat(log).contains("captioning clips 0-11 of seed 5").contains("captioning clips 0-3 of seed 6")
        .contains("step 20/40").contains("step 40/40").contains("val fused: motion F1").contains("upsampled:");
    try (var files = Files.list(dir.resolve("examples"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .contains("seed5-clips0-11-3frames-" + captioner.model().getVersion() + ".jsonl");
    }
  }

  @Test
  void theSameSeedTrainsTheSameWeightsAndTheCacheIsReused() throws Exception {
    List<String> hashes = new ArrayList<>();
    for (String run : List.of("a", "b")) {
      Path out = dir.resolve("repro-" + run);
      StringWriter buf = new StringWriter();
      new FuserTrainer(tiny(), options(5, 6, out), new PrintWriter(buf, true)).train(captioner, null);
      assertThat(buf.toString()).contains("read 12 captioned clips of seed 5").doesNotContain("captioning");
      hashes.add(FuserModel.weightsHash(out));
    }
    assertThat(hashes.get(0)).isEqualTo(hashes.get(1));
  }

  @Test
  void aBiggerRunCaptionsOnlyTheClipsTheCacheLacks() throws Exception {
    Path examples = dir.resolve("chunked");
    FuserTrainOptions small = new FuserTrainOptions(7, 10, 2, 2, 4, 3e-3f, 2, 2, 0.25, 0.25, dir.resolve("c1"), examples);
    StringWriter first = new StringWriter();
    new FuserTrainer(tiny(), small, new PrintWriter(first, true), 4).train(captioner, null);
    assertThat(first.toString()).contains("captioning clips 0-3 of seed 7", "captioning clips 4-7 of seed 7",
        "captioning clips 8-9 of seed 7");
    FuserTrainOptions bigger = new FuserTrainOptions(7, 14, 2, 2, 4, 3e-3f, 2, 2, 0.25, 0.25, dir.resolve("c2"), examples);
    StringWriter second = new StringWriter();
    new FuserTrainer(tiny(), bigger, new PrintWriter(second, true), 4).train(captioner, null);
    assertThat(second.toString()).contains("read 8 captioned clips of seed 7", "captioning clips 8-11 of seed 7",
        "captioning clips 12-13 of seed 7").doesNotContain("clips 0-3 of seed 7", "clips 4-7 of seed 7");
  }

  @Test
  void theModelDirectoryServesBothRolesThroughDjl() {
    FusionInput clip = new FusionInput("c", List.of(new TimedCaption(0.5, "A small red circle on the left."),
        new TimedCaption(3.5, "A small red circle on the right.")), 4.0);
    try (CaptionFuser fuser = BuiltinCaptionFuser.local(dir.resolve("model"), 2);
        CaptionFuser.Session session = fuser.open()) {
      assertThat(fuser.model().getBackend()).isEqualTo("local");
      assertThat(fuser.model().getModelId()).isEqualTo(FuserModel.MODEL_ID);
      assertThat(fuser.prompt().version()).startsWith("builtin-v1#");
      List<Generation> out = session.fuse(List.of(clip, clip, clip));
      assertThat(out).hasSize(3).allMatch(g -> g instanceof Generation.Text);
      // batching does not change what the model says about a clip
      assertThat(out.get(2)).isEqualTo(session.fuse(List.of(clip)).get(0));
    }
    try (PromptUpsampler upsampler = BuiltinPromptUpsampler.local(dir.resolve("model"), 4);
        PromptUpsampler.Session session = upsampler.open()) {
      assertThat(session.upsample(List.of("a red circle moving left", "a blue star spinning")))
          .hasSize(2).allMatch(g -> g instanceof Generation.Text);
    }
  }

  @Test
  void aDirectoryWithoutAModelIsAClearError() throws Exception {
    Path empty = Files.createDirectories(dir.resolve("nothing"));
    assertThatThrownBy(() -> BuiltinCaptionFuser.local(empty, 1)).hasMessageContaining("not a fuser model directory");
  }
}
