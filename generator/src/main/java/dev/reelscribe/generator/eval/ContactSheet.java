package dev.reelscribe.generator.eval;

import dev.reelscribe.frames.OpenCv;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * One PNG that shows an evaluation at a glance: a row a clip, and in each row a group of frames per
 * version of that clip (say the rendered truth, its VAE round trip and the generated clip), the
 * groups separated by a white bar and the rows by a grey one. The frames shown are 0, ¼, ½, ¾ and
 * the last, so motion reads left to right.
 *
 * <pre>{@code
 * ContactSheet.write(Path.of("sheet.png"), 17, 64, List.of(List.of(truthRgb, generatedRgb)));
 * }</pre>
 */
public final class ContactSheet {
  /** Frames shown of each clip. */
  public static final int FRAMES_SHOWN = 5;
  private static final int GAP = 4;

  private ContactSheet() {}

  /** The frame indices shown of a clip of {@code frames} frames. */
  static int[] shownFrames(int frames) {
    int[] out = new int[FRAMES_SHOWN];
    for (int i = 0; i < FRAMES_SHOWN; i++) {
      out[i] = (int) Math.round((frames - 1) * i / (double) (FRAMES_SHOWN - 1));
    }
    return out;
  }

  /**
   * Writes the sheet, atomically.
   *
   * @param rows per clip, its versions, each RGB bytes {@code [frames, size, size, 3]}; every row has
   *     the same number of versions
   */
  public static void write(Path png, int frames, int size, List<List<byte[]>> rows) throws IOException {
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("a contact sheet needs at least one row");
    }
    int versions = rows.get(0).size();
    int expected = frames * size * size * 3;
    for (List<byte[]> row : rows) {
      if (row.size() != versions) {
        throw new IllegalArgumentException("every row needs " + versions + " clips, one has " + row.size());
      }
      for (byte[] clip : row) {
        if (clip.length != expected) {
          throw new IllegalArgumentException("a clip has " + clip.length + " bytes, not " + frames + "x" + size + "x"
              + size + "x3");
        }
      }
    }
    OpenCv.load();
    int groupWidth = FRAMES_SHOWN * size;
    int width = versions * groupWidth + (versions - 1) * GAP;
    int height = rows.size() * size + (rows.size() - 1) * GAP;
    Mat sheet = new Mat(height, width, CvType.CV_8UC3, new Scalar(128, 128, 128));
    Mat frame = new Mat(size, size, CvType.CV_8UC3);
    Mat bgr = new Mat();
    try {
      int[] shown = shownFrames(frames);
      for (int r = 0; r < rows.size(); r++) {
        int y = r * (size + GAP);
        for (int v = 0; v < versions; v++) {
          int x0 = v * (groupWidth + GAP);
          if (v > 0) {
            sheet.submat(y, y + size, x0 - GAP, x0).setTo(new Scalar(255, 255, 255));
          }
          byte[] clip = rows.get(r).get(v);
          for (int i = 0; i < shown.length; i++) {
            byte[] pixels = new byte[size * size * 3];
            System.arraycopy(clip, shown[i] * pixels.length, pixels, 0, pixels.length);
            frame.put(0, 0, pixels);
            Imgproc.cvtColor(frame, bgr, Imgproc.COLOR_RGB2BGR);
            int x = x0 + i * size;
            bgr.copyTo(sheet.submat(y, y + size, x, x + size));
          }
        }
      }
      Path dir = png.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(".tmp-" + png.getFileName());
      if (!Imgcodecs.imwrite(tmp.toString(), sheet, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6))) {
        throw new IOException("OpenCV could not write " + tmp);
      }
      Files.move(tmp, png, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      sheet.release();
      frame.release();
      bgr.release();
    }
  }
}
