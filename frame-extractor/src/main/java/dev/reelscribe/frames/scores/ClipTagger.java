package dev.reelscribe.frames.scores;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Applies a {@link FilterConfig} to raw scores: the tags say why a clip would be rejected. */
public final class ClipTagger {
  public static final String TOO_SHORT = "too_short";
  public static final String LOW_MOTION = "low_motion";
  public static final String STATIC = "static";
  public static final String BLURRY = "blurry";
  public static final String TOO_DARK = "too_dark";
  public static final String TOO_BRIGHT = "too_bright";
  public static final String LOW_CONTRAST = "low_contrast";
  public static final String NOISY = "noisy";
  public static final String TEXT_OVERLAY = "text_overlay";
  public static final String GARBAGE_FRAMES = "garbage_frames";

  private final FilterConfig config;

  public ClipTagger(FilterConfig config) {
    this.config = config;
  }

  /** The rejection tags for these scores, in a fixed order; empty means keep. */
  public List<String> tags(Map<String, Double> scores) {
    List<String> tags = new ArrayList<>();
    if (ClipScores.get(scores, ClipScores.DURATION) < config.minSeconds()) {
      tags.add(TOO_SHORT);
    }
    if (ClipScores.get(scores, ClipScores.MOTION) < config.minMotion()) {
      tags.add(LOW_MOTION);
    }
    if (ClipScores.get(scores, ClipScores.STATIC) >= config.maxStatic()) {
      tags.add(STATIC);
    }
    if (ClipScores.get(scores, ClipScores.SHARPNESS) < config.minSharpness()) {
      tags.add(BLURRY);
    }
    double brightness = ClipScores.get(scores, ClipScores.BRIGHTNESS);
    if (brightness < config.minBrightness()) {
      tags.add(TOO_DARK);
    }
    if (brightness > config.maxBrightness()) {
      tags.add(TOO_BRIGHT);
    }
    if (ClipScores.get(scores, ClipScores.CONTRAST) < config.minContrast()) {
      tags.add(LOW_CONTRAST);
    }
    if (ClipScores.get(scores, ClipScores.NOISE) > config.maxNoise()) {
      tags.add(NOISY);
    }
    if (ClipScores.get(scores, ClipScores.TEXT_AREA) > config.maxTextArea()) {
      tags.add(TEXT_OVERLAY);
    }
    if (ClipScores.get(scores, ClipScores.GARBAGE_FRAMES) > config.maxGarbageFrames()) {
      tags.add(GARBAGE_FRAMES);
    }
    return tags;
  }
}
