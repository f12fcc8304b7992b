package dev.reelscribe.generator.eval;

/**
 * Which way the moving thing in a clip goes, measured from its pixels: the background is each
 * pixel's median over time (the camera is still), the object is what differs from it, and the
 * direction is the nearest of the eight compass directions to its centroid's shift from the first
 * three frames to the last three. A shift shorter than {@code minShift} of the frame side counts as
 * none.
 *
 * <p>The shift is judged as one vector, not per axis: where a slow object overlaps its own path the
 * median takes its colour, and the measured shift comes out at about half the true one (a slow
 * synthworld diagonal moves 5.5 pixels an axis and measures 2.7–3.3). Per axis, such a diagonal fell
 * under the threshold on both axes and read as still; as a vector it is 4 pixels long at 45°.
 */
public final class MotionTrack {
  private MotionTrack() {}

  /** A direction on screen: {@code dx}, {@code dy} in {-1, 0, 1} (x right, y down). */
  public record Direction(int dx, int dy) {
    /** True for (0, 0): no movement. */
    public boolean none() {
      return dx == 0 && dy == 0;
    }

    /** 45° steps from this direction to another (0 to 4); -1 when either is none. */
    public int stepsTo(Direction other) {
      if (none() || other.none()) {
        return -1;
      }
      int d = Math.abs(compassIndex() - other.compassIndex());
      return Math.min(d, 8 - d);
    }

    private int compassIndex() {
      return Math.floorMod((int) Math.round(Math.atan2(dy, dx) / (Math.PI / 4)), 8);
    }
  }

  static final int THRESHOLD = 60;

  /**
   * @param rgb {@code [frames, height, width, 3]}
   * @param minShift the smallest shift that counts, as a share of the frame side
   */
  public static Direction direction(byte[] rgb, int frames, int height, int width, double minShift) {
    int pixels = height * width;
    byte[] background = new byte[pixels * 3];
    int[] values = new int[frames];
    for (int i = 0; i < pixels * 3; i++) {
      for (int t = 0; t < frames; t++) {
        values[t] = rgb[t * pixels * 3 + i] & 0xff;
      }
      java.util.Arrays.sort(values);
      background[i] = (byte) values[frames / 2];
    }
    double[][] centroid = new double[frames][];
    for (int t = 0; t < frames; t++) {
      double sx = 0;
      double sy = 0;
      int n = 0;
      for (int p = 0; p < pixels; p++) {
        int d = 0;
        for (int c = 0; c < 3; c++) {
          d += Math.abs((rgb[(t * pixels + p) * 3 + c] & 0xff) - (background[p * 3 + c] & 0xff));
        }
        if (d > THRESHOLD) {
          sx += p % width;
          sy += p / width;
          n++;
        }
      }
      centroid[t] = n >= 4 ? new double[] {sx / n, sy / n} : null;
    }
    double[] start = mean(centroid, 0, Math.min(3, frames));
    double[] end = mean(centroid, Math.max(0, frames - 3), frames);
    if (start == null || end == null) {
      return new Direction(0, 0);
    }
    double dx = (end[0] - start[0]) / width;
    double dy = (end[1] - start[1]) / height;
    if (Math.hypot(dx, dy) < minShift) {
      return new Direction(0, 0);
    }
    double sector = Math.round(Math.atan2(dy, dx) / (Math.PI / 4)) * (Math.PI / 4);
    return new Direction((int) Math.round(Math.cos(sector)), (int) Math.round(Math.sin(sector)));
  }

  private static double[] mean(double[][] centroid, int from, int to) {
    double x = 0;
    double y = 0;
    int n = 0;
    for (int t = from; t < to; t++) {
      if (centroid[t] != null) {
        x += centroid[t][0];
        y += centroid[t][1];
        n++;
      }
    }
    return n == 0 ? null : new double[] {x / n, y / n};
  }
}
