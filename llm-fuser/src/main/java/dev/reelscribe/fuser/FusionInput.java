package dev.reelscribe.fuser;

import java.util.Comparator;
import java.util.List;

/**
 * What the fuser reads for one clip: its frame captions in time order, the clip's length, and an
 * optional short caption (for example a title or an alt text that came with the video).
 *
 * @param clipId the clip the description is for
 * @param frames frame captions; sorted by time here, so callers may pass them in any order
 * @param durationSeconds the clip's length
 * @param shortCaption a short caption of the whole clip, or empty
 */
public record FusionInput(String clipId, List<TimedCaption> frames, double durationSeconds, String shortCaption) {
  public FusionInput {
    if (clipId == null || clipId.isBlank()) {
      throw new IllegalArgumentException("a fusion input needs a clip id");
    }
    if (frames == null || frames.isEmpty()) {
      throw new IllegalArgumentException("clip " + clipId + " has no frame captions to fuse");
    }
    if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
      throw new IllegalArgumentException("clip " + clipId + " needs a positive duration, got " + durationSeconds);
    }
    frames = frames.stream().sorted(Comparator.comparingDouble(TimedCaption::seconds)).toList();
    shortCaption = shortCaption == null ? "" : shortCaption.strip();
  }

  public FusionInput(String clipId, List<TimedCaption> frames, double durationSeconds) {
    this(clipId, frames, durationSeconds, "");
  }
}
