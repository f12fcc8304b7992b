package dev.reelscribe.generator.eval;

import dev.reelscribe.captioner.CaptionResult;
import dev.reelscribe.captioner.FrameCaptioner;
import dev.reelscribe.captioner.FrameImage;
import dev.reelscribe.synthworld.score.Kind;
import dev.reelscribe.synthworld.score.Score;
import dev.reelscribe.synthworld.score.Tally;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.SceneScript;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Grades a single-object clip against a script: three frames (early, middle, late) are captioned by
 * a frame captioner and each caption is scored by TruthScorer at its frame — the colour (or shape)
 * is right in a frame when the caption states the object's true colour (shape) and no wrong one;
 * right for the clip when it is right in at least two of the three frames. The motion direction is
 * measured from the pixels ({@link MotionTrack}) and compared with the script's straight-line
 * direction (or none, for still, rotating, growing and shrinking objects); bouncing and orbiting
 * objects are not graded for motion.
 */
public final class ClipGrader {
  /** The frame captioner sees frames at this side (the built-in captioner's input size). */
  static final int CAPTION_SIZE = 128;
  static final double MIN_SHIFT = 0.05;

  private final FrameCaptioner captioner;

  public ClipGrader(FrameCaptioner captioner) {
    this.captioner = captioner;
  }

  /**
   * What one clip got right; {@code motion} is null when the script's motion is not graded, and
   * {@code object} is the script's object, whose size and speed split the verdicts in
   * {@link ShapeBySize} and {@link MotionMisses}.
   */
  public record Grade(boolean colour, boolean shape, Boolean motion, List<String> captions, MotionTrack.Direction moved,
      SceneObject object) {
    /** The direction the script asks for ({@link #expectedDirection}); null when motion is not graded. */
    public MotionTrack.Direction expected() {
      return expectedDirection(object.motion().kind());
    }
  }

  /**
   * @param rgb {@code [frames, size, size, 3]}
   */
  public Grade grade(String key, byte[] rgb, int frames, int size, SceneScript script) {
    int[] at = {frames / 8, frames / 2, frames - 1 - frames / 8};
    List<FrameImage> images = new ArrayList<>();
    for (int t : at) {
      images.add(new FrameImage(key + "#" + t, jpeg(rgb, t, size)));
    }
    List<CaptionResult> results = captioner.caption(images);
    int colourOk = 0;
    int shapeOk = 0;
    List<String> captions = new ArrayList<>();
    for (int i = 0; i < at.length; i++) {
      String text = results.get(i) instanceof CaptionResult.Ok ok ? ok.text() : "";
      captions.add(text);
      Score s = dev.reelscribe.synthworld.score.TruthScorer.scoreFrame(text, script, at[i]);
      if (right(s.tally(Kind.COLOUR))) {
        colourOk++;
      }
      if (right(s.tally(Kind.OBJECT))) {
        shapeOk++;
      }
    }
    MotionTrack.Direction moved = MotionTrack.direction(rgb, frames, size, size, MIN_SHIFT);
    SceneObject object = object(script);
    MotionTrack.Direction expected = expectedDirection(object.motion().kind());
    Boolean motion = expected == null ? null : moved.equals(expected);
    return new Grade(colourOk >= 2, shapeOk >= 2, motion, captions, moved, object);
  }

  /**
   * The direction a clip of this motion should show: the straight-line moves theirs, (0, 0) for still,
   * rotating, growing and shrinking objects; null for bouncing and orbiting ones, which end about where
   * they started and are not graded for motion.
   */
  static MotionTrack.Direction expectedDirection(MotionKind kind) {
    if (kind.linear()) {
      return new MotionTrack.Direction(kind.dx(), kind.dy());
    }
    if (kind == MotionKind.STILL || kind == MotionKind.ROTATE || kind == MotionKind.GROW || kind == MotionKind.SHRINK) {
      return new MotionTrack.Direction(0, 0);
    }
    return null;
  }

  static SceneObject object(SceneScript script) {
    if (script.parts().size() != 1 || script.parts().get(0).objects().size() != 1) {
      throw new IllegalArgumentException(script.id() + " is not a single-object, single-shot clip");
    }
    return script.parts().get(0).objects().get(0);
  }

  private static boolean right(Tally t) {
    return t.recalled() >= 1 && t.claims() == t.correct();
  }

  private static byte[] jpeg(byte[] rgb, int t, int size) {
    dev.reelscribe.frames.OpenCv.load();
    Mat frame = new Mat(size, size, CvType.CV_8UC3);
    Mat bgr = new Mat();
    Mat big = new Mat();
    MatOfByte out = new MatOfByte();
    try {
      byte[] one = new byte[size * size * 3];
      System.arraycopy(rgb, t * one.length, one, 0, one.length);
      frame.put(0, 0, one);
      Imgproc.cvtColor(frame, bgr, Imgproc.COLOR_RGB2BGR);
      Imgproc.resize(bgr, big, new Size(CAPTION_SIZE, CAPTION_SIZE), 0, 0, Imgproc.INTER_CUBIC);
      Imgcodecs.imencode(".jpg", big, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 90));
      return out.toArray();
    } finally {
      frame.release();
      bgr.release();
      big.release();
      out.release();
    }
  }
}
