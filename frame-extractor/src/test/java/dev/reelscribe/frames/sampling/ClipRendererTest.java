package dev.reelscribe.frames.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.TestVideos;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import dev.reelscribe.frames.shots.ClipSpan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class ClipRendererTest {
  @TempDir Path dir;

  @Test
  void samplesJpegsAndWritesAnH264ClipOfTheSpan() {
    Path cup = TestVideos.get("cup.mp4");
    SamplingConfig sampling = new SamplingConfig(new SamplingStrategy.Uniform(4), 256, 90);
    Path out = dir.resolve("clip.mp4");
    Result<RenderedClip> r = new ClipRenderer(sampling, Duration.ofMinutes(1))
        .render(cup, new ClipSpan(0, 0, 40, 120), 26.777, Optional.of(out));
    assertThat(r).isInstanceOf(Result.Ok.class);
    RenderedClip clip = ((Result.Ok<RenderedClip>) r).value();
    assertThat(clip.framesEncoded()).isEqualTo(80);
    assertThat(clip.frames()).extracting(EncodedFrame::sourceFrame).containsExactly(50L, 70L, 90L, 110L);
    assertThat(clip.frames()).allSatisfy(f -> {
      assertThat(Math.max(f.width(), f.height())).isEqualTo(256);
      Mat decoded = Imgcodecs.imdecode(new MatOfByte(f.jpeg()), Imgcodecs.IMREAD_COLOR);
      assertThat(decoded.cols()).isEqualTo(f.width());
      assertThat(decoded.rows()).isEqualTo(f.height());
    });
    assertThat(clip.frames().get(1).timestampSeconds()).isEqualTo(30 / 26.777);

    Result<FrameReader> reopened = FrameReader.open(out, Deadline.after(Duration.ofMinutes(1)));
    assertThat(reopened).isInstanceOf(Result.Ok.class);
    try (FrameReader reader = ((Result.Ok<FrameReader>) reopened).value()) {
      assertThat(reader.info().codec()).isEqualTo("avc1");
      assertThat(reader.info().width()).isEqualTo(640);
      int n = 0;
      while (reader.skip()) {
        n++;
      }
      assertThat(n).isEqualTo(80);
    }
  }

  @Test
  void aSpanPastTheEndIsADecodeError() {
    Path tree = TestVideos.get("tree.avi");
    Result<RenderedClip> r = new ClipRenderer(SamplingConfig.defaults(), Duration.ofMinutes(1))
        .render(tree, new ClipSpan(0, 0, 60, 200), 15, Optional.empty());
    assertThat(r).isInstanceOfSatisfying(Result.Failed.class,
        f -> assertThat(f.reason()).contains("stream ended"));
  }

  /** Seeking to a clip deep in a file gives the same pixels as decoding up to it. */
  @Test
  void seekingMatchesSequentialDecoding() {
    OpenCv.load();
    for (String name : new String[] {"Megamind.avi", "box.mp4", "balle-jbart.mp4"}) {
      Path video = TestVideos.get(name);
      long target = 201;
      Mat sequential = new Mat();
      Mat seeked = new Mat();
      try (FrameReader a = open(video); FrameReader b = open(video)) {
        for (long i = 0; i <= target; i++) {
          assertThat(a.read(sequential)).isTrue();
        }
        assertThat(b.seek(target)).isTrue();
        assertThat(b.read(seeked)).isTrue();
      }
      Mat diff = new Mat();
      Core.absdiff(sequential, seeked, diff);
      Imgproc.cvtColor(diff, diff, Imgproc.COLOR_BGR2GRAY);
      assertThat(Core.mean(diff).val[0]).as(name).isLessThan(1.0);
    }
  }

  private static FrameReader open(Path video) {
    return ((Result.Ok<FrameReader>) FrameReader.open(video, Deadline.after(Duration.ofMinutes(1)))).value();
  }
}
