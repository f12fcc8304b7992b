package dev.reelscribe.fuser;

import dev.reelscribe.fuser.check.OutputChecks;
import dev.reelscribe.fuser.check.QaPolicy;
import dev.reelscribe.schemas.DenseCaption;
import dev.reelscribe.schemas.FrameCaption;
import dev.reelscribe.schemas.ModelRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The gate between a fuser's raw output and the corpus: runs the {@link OutputChecks} against the
 * clip's own frame captions, applies the {@link QaPolicy}, and builds the {@code DenseCaption}
 * record (text, source captions, model, prompt version, token count, flags).
 */
public final class CaptionGate {
  private final OutputChecks checks;
  private final QaPolicy policy;

  public CaptionGate(OutputChecks checks, QaPolicy policy) {
    this.checks = checks;
    this.policy = policy;
  }

  public OutputChecks checks() {
    return checks;
  }

  public QaPolicy policy() {
    return policy;
  }

  /** The fusion input for a clip's frame captions. */
  public static FusionInput input(String clipId, List<FrameCaption> captions, double durationSeconds,
      String shortCaption) {
    return new FusionInput(clipId, captions.stream()
        .map(c -> new TimedCaption(c.getTimestampSeconds(), c.getText().toString())).toList(),
        durationSeconds, shortCaption);
  }

  /**
   * @param input what the fuser was given
   * @param sources the frame-caption records it came from, kept with the description
   * @param result what the fuser said
   */
  public FusionOutcome judge(FusionInput input, List<FrameCaption> sources, Generation result, ModelRef model,
      String promptVersion) {
    if (result instanceof Generation.Failed f) {
      return new FusionOutcome.Failed(input.clipId(), f.errorClass(), f.message(), f.attempts());
    }
    Generation.Text text = (Generation.Text) result;
    List<String> support = new ArrayList<>();
    input.frames().forEach(c -> support.add(c.text()));
    if (!input.shortCaption().isEmpty()) {
      support.add(input.shortCaption());
    }
    List<String> flags = checks.flags(text.text(), text.complete(), support);
    Optional<String> rejection = policy.rejection(flags);
    if (rejection.isPresent()) {
      return new FusionOutcome.Rejected(input.clipId(), text.text(), flags, rejection.get());
    }
    List<FrameCaption> ordered = sources.stream()
        .sorted(Comparator.comparingDouble(FrameCaption::getTimestampSeconds)).toList();
    return new FusionOutcome.Kept(DenseCaption.newBuilder()
        .setClipId(input.clipId())
        .setText(text.text())
        .setFrameCaptions(new ArrayList<>(ordered))
        .setModel(model)
        .setPromptVersion(promptVersion)
        .setTokenCount(checks.tokens(text.text()))
        .setQaFlags(new ArrayList<>(flags))
        .build());
  }
}
