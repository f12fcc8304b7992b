package dev.reelscribe.frames;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.reelscribe.frames.analysis.AnalysisConfig;
import dev.reelscribe.frames.scores.ClipScores;
import dev.reelscribe.frames.scores.ClipTagger;
import dev.reelscribe.schemas.Clip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClipExtractorTest {
  private final ClipExtractor extractor = new ClipExtractor(ExtractionConfig.defaults());

  @Test
  void findsTheThreeCutsInMegamindWithinTwoFrames() {
    VideoExtraction v = extract(TestVideos.get("Megamind.avi"));
    double fps = v.source().getFps();
    List<Long> starts = v.clips().stream().map(Clip::getStartFrame).toList();
    assertThat(starts).hasSize(4).first().isEqualTo(0L);
    double[] expectedSeconds = {4.1, 6.5, 8.4};
    for (int i = 0; i < 3; i++) {
      assertThat((double) starts.get(i + 1)).isCloseTo(expectedSeconds[i] * fps, within(2.0));
    }
    assertThat(v.clips()).allSatisfy(c -> assertThat(c.getTags()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cup.mp4", "box.mp4", "balle-jbart.mp4"})
  void reportsNoCutInSingleShotVideos(String name) {
    VideoExtraction v = extract(TestVideos.get(name));
    assertThat(v.clips()).allSatisfy(c -> assertThat(c.getShotIndex()).isZero());
  }

  @Test
  void reportsNoCutInVtest() {
    Optional<Path> vtest = TestVideos.shared("vtest.avi");
    assumeTrue(vtest.isPresent(), "vtest.avi lives in ../shared/testdata/videos");
    VideoExtraction v = extract(vtest.get());
    assertThat(v.source().getFrameCount()).isEqualTo(795);
    // One 79.5 s shot, cut into pieces of at most 10 s.
    assertThat(v.clips()).hasSize(8).allSatisfy(c -> {
      assertThat(c.getShotIndex()).isZero();
      assertThat(c.getEndSeconds() - c.getStartSeconds()).isLessThanOrEqualTo(10.0);
    });
  }

  @Test
  void countsRealFramesWhenTheContainerLies() {
    VideoExtraction v = extract(TestVideos.get("tree.avi"));
    assertThat(v.source().getClaimedFrameCount()).isEqualTo(444);
    assertThat(v.source().getFrameCount()).isEqualTo(68);
    assertThat(v.source().getDurationSeconds()).isCloseTo(68 / v.source().getFps(), within(1e-9));
    assertThat(v.source().getFps()).isCloseTo(15.0, within(0.01));
    assertThat(v.source().getContainer()).isEqualTo("avi");
    assertThat(v.source().getCodec()).isEqualTo("cvid");
  }

  @Test
  void flagsGarbageFramesInTheDamagedCopyAndKeepsItsCuts() {
    VideoExtraction bugy = extract(TestVideos.get("Megamind_bugy.avi"));
    assertThat(bugy.clips()).extracting(Clip::getStartFrame).containsExactly(0L, 98L, 154L, 200L);
    assertThat(bugy.clips()).anySatisfy(c -> assertThat(c.getTags()).contains(ClipTagger.GARBAGE_FRAMES));
    VideoExtraction clean = extract(TestVideos.get("Megamind.avi"));
    assertThat(clean.clips()).allSatisfy(c ->
        assertThat(c.getScores().get(ClipScores.GARBAGE_FRAMES)).isZero());
  }

  @Test
  void storesEveryRawScore() {
    Clip clip = extract(TestVideos.get("cup.mp4")).clips().get(0);
    assertThat(clip.getScores()).containsKeys(ClipScores.MOTION, ClipScores.STATIC, ClipScores.SHARPNESS,
        ClipScores.BRIGHTNESS, ClipScores.CONTRAST, ClipScores.NOISE, ClipScores.TEXT_AREA,
        ClipScores.GARBAGE_FRAMES, ClipScores.DURATION);
    assertThat(clip.getScores().get(ClipScores.MOTION)).isPositive();
    assertThat(clip.getScores().get(ClipScores.BRIGHTNESS)).isBetween(0.0, 255.0);
  }

  @Test
  void clipIdsAreStableAcrossRunsAndDistinctAcrossSpans() {
    Path megamind = TestVideos.get("Megamind.avi");
    List<String> first = extract(megamind).clips().stream().map(Clip::getClipId).toList();
    List<String> second = extract(megamind).clips().stream().map(Clip::getClipId).toList();
    assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
    assertThat(first).allSatisfy(id -> assertThat(id).matches("[0-9a-f]{24}"));
  }

  @Test
  void emptyFileFails(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.mp4"));
    assertFailure(empty, FailureKind.EMPTY_FILE);
  }

  @Test
  void textFileNamedMp4Fails(@TempDir Path dir) throws IOException {
    Path text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n".repeat(100));
    assertFailure(text, FailureKind.UNREADABLE);
  }

  @Test
  void truncatedMp4Fails(@TempDir Path dir) throws IOException {
    byte[] all = Files.readAllBytes(TestVideos.get("cup.mp4"));
    Path cut = Files.write(dir.resolve("cut.mp4"), java.util.Arrays.copyOf(all, all.length / 3));
    Result.Failed<VideoExtraction> f = assertFailure(cut, FailureKind.TRUNCATED);
    assertThat(f.reason()).contains("mdat").contains("claimed frames");
  }

  @Test
  void missingFileFails(@TempDir Path dir) {
    assertFailure(dir.resolve("nope.mp4"), FailureKind.IO_ERROR);
  }

  @Test
  void decodingPastTheTimeBoundFails() {
    ExtractionConfig tight = new ExtractionConfig(
        AnalysisConfig.defaults().withTimeout(Duration.ofMillis(1)),
        ExtractionConfig.defaults().shots(), ExtractionConfig.defaults().filter());
    Path box = TestVideos.get("box.mp4");
    Result<VideoExtraction> r = new ClipExtractor(tight).extract(box, box.toUri().toString(), 1);
    assertThat(r).isInstanceOfSatisfying(Result.Failed.class,
        f -> assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT));
  }

  private Result.Failed<VideoExtraction> assertFailure(Path file, FailureKind kind) {
    Result<VideoExtraction> r = extractor.extract(file, file.toUri().toString(), 0);
    assertThat(r).isInstanceOf(Result.Failed.class);
    Result.Failed<VideoExtraction> f = (Result.Failed<VideoExtraction>) r;
    assertThat(f.kind()).isEqualTo(kind);
    assertThat(f.reason()).isNotBlank();
    return f;
  }

  private VideoExtraction extract(Path file) {
    Result<VideoExtraction> r;
    try {
      r = extractor.extract(file, file.toUri().toString(), Files.size(file));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    assertThat(r).isInstanceOf(Result.Ok.class);
    return ((Result.Ok<VideoExtraction>) r).value();
  }
}
