package dev.reelscribe.fuser;

import dev.reelscribe.schemas.DenseCaption;
import java.util.List;

/** What became of one clip's fusion: a description for the corpus, or the reason there is none. */
public sealed interface FusionOutcome {
  String clipId();

  /** Passed the checks (it may still carry flags the policy lets through). */
  record Kept(DenseCaption caption) implements FusionOutcome {
    @Override
    public String clipId() {
      return caption.getClipId().toString();
    }
  }

  /** The model answered, but the answer failed the output checks the policy enforces. */
  record Rejected(String clipId, String text, List<String> flags, String reason) implements FusionOutcome {}

  /** The model gave no answer. */
  record Failed(String clipId, String errorClass, String message, int attempts) implements FusionOutcome {}
}
