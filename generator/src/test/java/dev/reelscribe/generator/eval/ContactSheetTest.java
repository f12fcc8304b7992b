package dev.reelscribe.generator.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reelscribe.frames.OpenCv;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

class ContactSheetTest {
  /** A clip whose frame t is one colour: red = 10·t, green = the given value, blue = 200. */
  private static byte[] clip(int frames, int size, int green) {
    byte[] out = new byte[frames * size * size * 3];
    for (int t = 0; t < frames; t++) {
      for (int p = 0; p < size * size; p++) {
        int i = (t * size * size + p) * 3;
        out[i] = (byte) (10 * t);
        out[i + 1] = (byte) green;
        out[i + 2] = (byte) 200;
      }
    }
    return out;
  }

  @Test
  void rowsOfClipsWithFramesLeftToRight(@TempDir Path dir) throws Exception {
    int frames = 17;
    int size = 8;
    Path png = dir.resolve("sheet.png");
    ContactSheet.write(png, frames, size, List.of(
        List.of(clip(frames, size, 0), clip(frames, size, 100)),
        List.of(clip(frames, size, 50), clip(frames, size, 150))));
    OpenCv.load();
    Mat m = Imgcodecs.imread(png.toString());
    try {
      assertThat(m.cols()).isEqualTo(2 * 5 * size + 4);
      assertThat(m.rows()).isEqualTo(2 * size + 4);
      assertThat(ContactSheet.shownFrames(frames)).containsExactly(0, 4, 8, 12, 16);
      // second row, second clip, fourth frame shown (t = 12): BGR (200, 150, 120)
      double[] bgr = m.get(size + 4 + 2, 5 * size + 4 + 3 * size + 2);
      assertThat(bgr).containsExactly(200, 150, 120);
      // first row, first clip, first frame: (200, 0, 0); the bar between the clips is white
      assertThat(m.get(1, 1)).containsExactly(200, 0, 0);
      assertThat(m.get(1, 5 * size + 1)).containsExactly(255, 255, 255);
    } finally {
      m.release();
    }
    assertThatThrownBy(() -> ContactSheet.write(png, frames, size, List.of(List.of(clip(frames, size, 0)),
        List.of(clip(frames, size, 0), clip(frames, size, 0))))).hasMessageContaining("every row needs 1 clips");
  }
}
