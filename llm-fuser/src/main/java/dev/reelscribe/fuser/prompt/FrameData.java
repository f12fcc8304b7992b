package dev.reelscribe.fuser.prompt;

import dev.reelscribe.fuser.TimedCaption;
import java.util.List;
import java.util.Locale;

/**
 * Puts untrusted text into a prompt as data. Each frame caption becomes one JSON object on its own
 * line, {@code {"t": 1.25, "caption": "…"}}, with the caption as a JSON string in which quotes,
 * backslashes, control characters and {@code < >} are escaped — so a caption cannot end its string,
 * open a new line of data or close the {@code <frames>} block it sits in, whatever text appeared on
 * screen ("ignore previous instructions…" stays a quoted caption).
 */
public final class FrameData {
  private FrameData() {}

  /** One line per frame, in the order given. */
  public static String frames(List<TimedCaption> captions) {
    StringBuilder out = new StringBuilder();
    for (TimedCaption c : captions) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(String.format(Locale.ROOT, "{\"t\": %.2f, \"caption\": %s}", c.seconds(), quote(c.text())));
    }
    return out.toString();
  }

  /** A JSON string literal that is safe inside a tagged block. */
  public static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        default -> {
          if (ch < 0x20 || ch == 0x2028 || ch == 0x2029) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
