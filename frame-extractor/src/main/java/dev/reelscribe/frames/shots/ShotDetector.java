package dev.reelscribe.frames.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds hard cuts from per-frame content change, adaptively (after PySceneDetect's
 * AdaptiveDetector): a frame is a cut when its change to the previous frame stands out from the
 * changes around it by {@link ShotConfig#adaptiveRatio()} and exceeds an absolute floor. Fast camera
 * motion raises the local mean and so does not fire; a cut in a calm scene fires even when modest.
 */
public final class ShotDetector {
  private final ShotConfig config;

  public ShotDetector(ShotConfig config) {
    this.config = config;
  }

  /**
   * Returns the first frame of every new shot (never 0), ascending.
   *
   * @param contentChange per-frame change to the previous frame; index 0 is ignored
   */
  public List<Integer> cuts(double[] contentChange, double fps) {
    List<Integer> cuts = new ArrayList<>();
    int w = config.window();
    int minGap = Math.max(1, (int) Math.round(config.minShotSeconds() * fps));
    int last = 0;
    for (int i = 1; i < contentChange.length; i++) {
      double c = contentChange[i];
      if (c < config.minContentChange() || i - last < minGap) {
        continue;
      }
      double sum = 0;
      int n = 0;
      for (int j = Math.max(1, i - w); j <= Math.min(contentChange.length - 1, i + w); j++) {
        if (j != i) {
          sum += contentChange[j];
          n++;
        }
      }
      double local = n == 0 ? 0 : sum / n;
      if (c >= config.adaptiveRatio() * Math.max(local, 1e-3) && isLocalPeak(contentChange, i, w)) {
        cuts.add(i);
        last = i;
      }
    }
    return cuts;
  }

  private static boolean isLocalPeak(double[] c, int i, int w) {
    for (int j = Math.max(1, i - w); j <= Math.min(c.length - 1, i + w); j++) {
      if (c[j] > c[i]) {
        return false;
      }
    }
    return true;
  }
}
