package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.SceneScript;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.ScriptGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The three levels of truth for one clip, all from its script: a caption per frame, the dense
 * description, the short prompt, plus the structured facts. Deterministic per script.
 */
public record ClipTruth(
    String id, List<FrameText> frames, String description, String prompt, Facts facts) {

  /** The caption of one frame, with its time. */
  public record FrameText(int frame, double timestampSeconds, String caption) {}

  public static ClipTruth of(SceneScript script) {
    SplittableRandom random = new SplittableRandom(ScriptGenerator.mix(script.seed(), script.id().hashCode()));
    List<FrameLayout> layouts = Facts.layouts(script);
    List<FrameText> frames = new ArrayList<>();
    for (int f = 0; f < script.frames(); f++) {
      frames.add(new FrameText(f, script.timestampSeconds(f), FrameCaptionWriter.caption(layouts.get(f), random)));
    }
    String description = DescriptionWriter.describe(script, layouts, random);
    String prompt = PromptWriter.prompt(script, random);
    return new ClipTruth(script.id(), List.copyOf(frames), description, prompt, Facts.ofClip(script, layouts));
  }
}
