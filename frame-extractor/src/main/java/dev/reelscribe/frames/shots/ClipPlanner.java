package dev.reelscribe.frames.shots;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns cut positions into clip spans: one span per shot, and shots longer than {@link
 * ShotConfig#maxClipSeconds()} cut into equal pieces no longer than that. Short shots are kept (the
 * scorer tags them {@code too_short}), so nothing is dropped silently.
 */
public final class ClipPlanner {
  private final ShotConfig config;

  public ClipPlanner(ShotConfig config) {
    this.config = config;
  }

  public List<ClipSpan> plan(List<Integer> cuts, long frameCount, double fps) {
    List<ClipSpan> spans = new ArrayList<>();
    long maxFrames = Math.max(1, (long) Math.floor(config.maxClipSeconds() * fps));
    long start = 0;
    int shot = 0;
    List<Long> bounds = new ArrayList<>();
    for (int c : cuts) {
      if (c > 0 && c < frameCount) {
        bounds.add((long) c);
      }
    }
    bounds.add(frameCount);
    for (long end : bounds) {
      if (end <= start) {
        continue;
      }
      long length = end - start;
      int pieces = (int) ((length + maxFrames - 1) / maxFrames);
      for (int p = 0; p < pieces; p++) {
        long s = start + length * p / pieces;
        long e = start + length * (p + 1) / pieces;
        spans.add(new ClipSpan(shot, p, s, e));
      }
      shot++;
      start = end;
    }
    return spans;
  }
}
