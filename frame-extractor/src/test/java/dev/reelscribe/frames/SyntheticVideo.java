package dev.reelscribe.frames;

import dev.reelscribe.frames.encode.ClipWriter;
import java.nio.file.Path;
import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/** Writes small test videos with known properties through {@link ClipWriter}. */
final class SyntheticVideo {
  enum Kind { MOVING, STILL, TV_STATIC, SUBTITLED, DARK }

  private SyntheticVideo() {}

  static Path write(Path file, Kind kind, int frames) {
    OpenCv.load();
    int w = 320;
    int h = 240;
    Random random = new Random(7);
    try (ClipWriter writer = ClipWriter.open(file, 24, w, h)) {
      Mat frame = new Mat(h, w, CvType.CV_8UC3);
      for (int i = 0; i < frames; i++) {
        switch (kind) {
          case TV_STATIC -> Core.randu(frame, 0, 256);
          case DARK -> {
            frame.setTo(new Scalar(6, 6, 6));
            Imgproc.circle(frame, new Point(40 + 3 * i, 120), 20, new Scalar(14, 14, 14), -1);
          }
          default -> {
            drawScene(frame, kind == Kind.STILL ? 0 : i, random);
            if (kind == Kind.SUBTITLED) {
              Imgproc.rectangle(frame, new Point(20, 190), new Point(300, 222), new Scalar(0, 0, 0), -1);
              Imgproc.putText(frame, "Where were you last night?", new Point(28, 213),
                  Imgproc.FONT_HERSHEY_SIMPLEX, 0.6, new Scalar(255, 255, 255), 1, Imgproc.LINE_AA);
            }
          }
        }
        writer.write(frame);
      }
      frame.release();
    }
    return file;
  }

  private static void drawScene(Mat frame, int t, Random unused) {
    for (int y = 0; y < frame.rows(); y += 8) {
      Imgproc.rectangle(frame, new Point(0, y), new Point(frame.cols(), y + 8),
          new Scalar(90 + y / 4, 120, 160 - y / 4), -1);
    }
    Imgproc.circle(frame, new Point(40 + 4 * t, 100), 28, new Scalar(30, 200, 240), -1);
    Imgproc.rectangle(frame, new Point(200 - 2 * t, 150), new Point(250 - 2 * t, 190),
        new Scalar(200, 60, 60), -1);
  }
}
