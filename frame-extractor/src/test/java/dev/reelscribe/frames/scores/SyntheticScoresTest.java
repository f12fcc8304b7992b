package dev.reelscribe.frames.scores;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.frames.ClipExtractor;
import dev.reelscribe.frames.ExtractionConfig;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.SyntheticVideoAccess;
import dev.reelscribe.frames.VideoExtraction;
import dev.reelscribe.schemas.Clip;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each filter tag fires on a video made to have that defect, and not on a clean one. */
class SyntheticScoresTest {
  @TempDir Path dir;

  @Test
  void cleanMovingSceneIsKept() {
    assertThat(clip(SyntheticVideoAccess.moving(dir)).getTags()).isEmpty();
  }

  @Test
  void stillSceneIsStaticAndLowMotion() {
    Clip c = clip(SyntheticVideoAccess.still(dir));
    assertThat(c.getTags()).contains(ClipTagger.STATIC, ClipTagger.LOW_MOTION);
    assertThat(c.getScores().get(ClipScores.STATIC)).isGreaterThan(0.9);
  }

  @Test
  void tvStaticIsNoisy() {
    Clip c = clip(SyntheticVideoAccess.tvStatic(dir));
    assertThat(c.getTags()).contains(ClipTagger.NOISY);
  }

  @Test
  void subtitlesAreTextOverlay() {
    Clip c = clip(SyntheticVideoAccess.subtitled(dir));
    assertThat(c.getTags()).contains(ClipTagger.TEXT_OVERLAY);
    assertThat(c.getScores().get(ClipScores.TEXT_AREA)).isBetween(0.015, 0.2);
  }

  @Test
  void darkSceneIsTooDark() {
    assertThat(clip(SyntheticVideoAccess.dark(dir)).getTags()).contains(ClipTagger.TOO_DARK);
  }

  @Test
  void retaggingFromStoredScoresNeedsNoDecoding() {
    Clip c = clip(SyntheticVideoAccess.subtitled(dir));
    FilterConfig lenient = FilterConfig.defaults();
    lenient = new FilterConfig(lenient.minSeconds(), lenient.minMotion(), lenient.maxStatic(),
        lenient.minSharpness(), lenient.minBrightness(), lenient.maxBrightness(), lenient.minContrast(),
        lenient.maxNoise(), 0.5, lenient.maxGarbageFrames());
    Clip retagged = new ClipExtractor(new ExtractionConfig(ExtractionConfig.defaults().analysis(),
        ExtractionConfig.defaults().shots(), lenient)).retag(c);
    assertThat(retagged.getTags()).doesNotContain(ClipTagger.TEXT_OVERLAY);
    assertThat(retagged.getClipId()).isEqualTo(c.getClipId());
  }

  private static Clip clip(Path video) {
    Result<VideoExtraction> r = new ClipExtractor(ExtractionConfig.defaults())
        .extract(video, video.toUri().toString(), 1);
    assertThat(r).isInstanceOf(Result.Ok.class);
    VideoExtraction v = ((Result.Ok<VideoExtraction>) r).value();
    assertThat(v.clips()).hasSize(1);
    return v.clips().get(0);
  }
}
