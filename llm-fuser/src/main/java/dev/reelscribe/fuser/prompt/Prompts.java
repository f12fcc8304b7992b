package dev.reelscribe.fuser.prompt;

import dev.reelscribe.fuser.FusionInput;
import java.util.Locale;
import java.util.Map;

/** Fills the fusion and upsampling prompts from their inputs, with every piece of input text escaped as data. */
public final class Prompts {
  /** Default word limit: about 226 T5 tokens of plain English, CogVideoX's text length. */
  public static final int DEFAULT_MAX_WORDS = 160;

  private Prompts() {}

  /** Placeholders: {@code max_words}, {@code duration}, {@code short_caption}, {@code frames}. */
  public static PromptTemplate.Rendered fusion(PromptTemplate template, FusionInput input, int maxWords) {
    String shortCaption = input.shortCaption().isEmpty() ? ""
        : "<short_caption>\n" + FrameData.quote(input.shortCaption()) + "\n</short_caption>";
    return template.render(Map.of(
        "max_words", Integer.toString(maxWords),
        "duration", String.format(Locale.ROOT, "%.2f", input.durationSeconds()),
        "short_caption", shortCaption,
        "frames", FrameData.frames(input.frames())));
  }

  /** Placeholders: {@code max_words}, {@code prompt}. */
  public static PromptTemplate.Rendered upsample(PromptTemplate template, String shortPrompt, int maxWords) {
    return template.render(Map.of("max_words", Integer.toString(maxWords), "prompt", FrameData.quote(shortPrompt)));
  }
}
