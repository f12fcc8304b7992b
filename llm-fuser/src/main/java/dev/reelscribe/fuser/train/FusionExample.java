package dev.reelscribe.fuser.train;

import dev.reelscribe.fuser.TimedCaption;
import java.util.List;

/**
 * One training example of the built-in fuser: a synthworld clip's frame captions as the frame
 * captioner wrote them (its real output, errors included) and the clip's canonical description.
 *
 * @param clipId the synthworld script id
 * @param captions the frame captions in time order
 * @param durationSeconds the clip's length
 * @param description the target: {@code DescriptionWriter.canonical} of the script
 */
public record FusionExample(String clipId, List<TimedCaption> captions, double durationSeconds, String description) {
  public FusionExample {
    captions = List.copyOf(captions);
  }
}
