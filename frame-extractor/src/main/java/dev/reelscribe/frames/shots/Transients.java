package dev.reelscribe.frames.shots;

/**
 * Finds garbage frames: single frames that differ strongly from both neighbours while the neighbours
 * match each other (decoder garbage, dropped-in blocks, one-frame flashes). A hard cut changes the
 * picture once and stays; a transient changes it and comes back.
 */
public final class Transients {
  /** The change across a transient must be at most this fraction of the change into and out of it. */
  private static final double RETURN_RATIO = 0.35;

  private Transients() {}

  /**
   * Marks transient frames.
   *
   * @param change per-frame change to the previous frame
   * @param skip per-frame change to the frame two back
   * @param minChange how large the change into and out of the frame must be
   */
  public static boolean[] find(double[] change, double[] skip, double minChange) {
    boolean[] out = new boolean[change.length];
    for (int j = 1; j + 1 < change.length; j++) {
      double in = change[j];
      double back = change[j + 1];
      if (in >= minChange && back >= minChange && skip[j + 1] <= RETURN_RATIO * Math.min(in, back)) {
        out[j] = true;
      }
    }
    return out;
  }

  /**
   * The change signal with transient frames taken out: the change into a transient becomes 0 and the
   * change out of it becomes the change across it, as if the frame were not there.
   */
  public static double[] removeFrom(double[] change, double[] skip, boolean[] transients) {
    double[] clean = change.clone();
    for (int j = 1; j + 1 < change.length; j++) {
      if (transients[j]) {
        clean[j] = 0;
        clean[j + 1] = skip[j + 1];
      }
    }
    return clean;
  }

  public static int count(boolean[] transients, long from, long to) {
    int n = 0;
    for (long i = Math.max(0, from); i < Math.min(to, transients.length); i++) {
      if (transients[(int) i]) {
        n++;
      }
    }
    return n;
  }
}
