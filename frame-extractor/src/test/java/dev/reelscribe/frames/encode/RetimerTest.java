package dev.reelscribe.frames.encode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reelscribe.frames.FailureKind;
import dev.reelscribe.frames.OpenCv;
import dev.reelscribe.frames.Result;
import dev.reelscribe.frames.decode.Deadline;
import dev.reelscribe.frames.decode.FrameReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/** Re-timing picks the source frame nearest each output time, resizes by cover-and-crop, and refuses short clips. */
class RetimerTest {
  private static final Deadline LONG = Deadline.after(Duration.ofMinutes(2));

  /** 60 frames at 24 fps, 320×240; frame i is a flat grey of level 4·i, so its level names it. */
  private static Path counting(Path file) {
    OpenCv.load();
    try (ClipWriter w = ClipWriter.open(file, 24, 320, 240)) {
      Mat frame = new Mat(240, 320, CvType.CV_8UC3);
      for (int i = 0; i < 60; i++) {
        frame.setTo(new Scalar(4 * i, 4 * i, 4 * i));
        w.write(frame);
      }
      frame.release();
    }
    return file;
  }

  @Test
  void takesTheNearestSourceFrameForEachOutputTime(@TempDir Path dir) {
    Path out = dir.resolve("out.mp4");
    Result<Integer> r = Retimer.retime(counting(dir.resolve("in.mp4")), out, new Retiming(8, 17, 96, 64), LONG);
    assertThat(r).isEqualTo(Result.ok(17));
    assertThat(new Retiming(8, 17, 96, 64).fits(24, 60)).as("the check without decoding agrees").isTrue();
    List<Double> levels = new ArrayList<>();
    try (FrameReader reader = ((Result.Ok<FrameReader>) FrameReader.open(out, LONG)).value()) {
      assertThat(reader.info().width()).isEqualTo(96);
      assertThat(reader.info().height()).isEqualTo(64);
      assertThat(reader.info().fps()).isEqualTo(8.0);
      Mat frame = new Mat();
      while (reader.read(frame)) {
        levels.add(Core.mean(frame).val[0]);
      }
      frame.release();
    }
    assertThat(levels).hasSize(17);
    for (int k = 0; k < 17; k++) {
      // 24 fps → 8 fps: output frame k is source frame 3k, grey level 12k. H.264 round trips through
      // OpenCV repeat the first decoded frame (one frame late, 4 levels in the source and 12 in the
      // output), and flat dark greys drift a little; without re-timing, frame k would be at level 4k.
      assertThat(levels.get(k)).as("frame %d of %s", k, levels).isCloseTo(12.0 * k, org.assertj.core.data.Offset.offset(16.0));
    }
    assertThat(levels.get(16)).as("the last frame is from 2 s in, not 0.67 s").isGreaterThan(160);
  }

  @Test
  void aClipTooShortForTheFramesIsRefusedAndLeavesNoFile(@TempDir Path dir) {
    Path out = dir.resolve("out.mp4");
    Result<Integer> r = Retimer.retime(counting(dir.resolve("in.mp4")), out, new Retiming(8, 25, 96, 64), LONG);
    assertThat(new Retiming(8, 25, 96, 64).fits(24, 60)).as("the check without decoding agrees").isFalse();
    assertThat(new Retiming(8, 25, 96, 64).fits(24, 73)).isTrue();
    assertThat(r).isInstanceOfSatisfying(Result.Failed.class, f -> {
      assertThat(f.kind()).isEqualTo(FailureKind.NO_FRAMES);
      assertThat(f.reason()).contains("too short").contains("of 25 frames");
    });
    assertThat(out).doesNotExist();
  }

  @Test
  void coverScalesToFillAndCropsTheCentre() {
    OpenCv.load();
    Mat wide = new Mat(100, 400, CvType.CV_8UC3, new Scalar(0, 0, 0));
    wide.colRange(150, 250).setTo(new Scalar(255, 255, 255)); // a white band in the middle quarter
    Mat out = new Mat();
    Retimer.cover(wide, out, 50, 50); // scaled to 200x50, centre 50x50 is the band
    assertThat(out.cols()).isEqualTo(50);
    assertThat(out.rows()).isEqualTo(50);
    assertThat(Core.mean(out).val[0]).isGreaterThan(250);
    wide.release();
    out.release();
  }
}
