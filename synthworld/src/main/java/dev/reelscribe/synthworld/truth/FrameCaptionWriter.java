package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.TextKind;
import dev.reelscribe.synthworld.world.FrameLayout;
import dev.reelscribe.synthworld.world.OnScreen;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What a still shows, in one or two sentences: each clearly visible object with its apparent size,
 * colour, shape and 3×3 cell (in reading order), the background, any burned-in text.
 *
 * <p>"A large red circle in the top left and a small blue star in the center on a navy grid
 * background. The subtitle "LIVE" is at the bottom."
 */
public final class FrameCaptionWriter {
  /** Objects at least this visible are described; less visible ones are optional for a scorer. */
  public static final double DESCRIBED = 0.5;

  private FrameCaptionWriter() {}

  public static String caption(FrameLayout layout, SplittableRandom random) {
    return write(layout, random);
  }

  /**
   * The one fixed wording of a frame: objects first, then the background, then any text. The
   * built-in frame captioner learns to write this form; the varied {@link #caption} is for readers.
   */
  public static String canonical(FrameLayout layout) {
    return write(layout, null);
  }

  private static String write(FrameLayout layout, SplittableRandom random) {
    if (layout.staticNoise()) {
      return random == null ? "TV static fills the frame."
          : Phrases.pick(List.of("TV static fills the frame.", "The frame shows only TV static."), random);
    }
    List<OnScreen> shown = described(layout);
    String background = Phrases.background(layout.part().background());
    StringBuilder out = new StringBuilder();
    if (shown.isEmpty()) {
      out.append("An empty frame with ").append(background).append('.');
    } else if (random == null || random.nextBoolean()) {
      out.append(Phrases.capitalize(objectList(shown))).append(" on ").append(background).append('.');
    } else {
      out.append(Phrases.capitalize(background)).append(" with ").append(objectList(shown)).append('.');
    }
    if (layout.text() != null) {
      String kind = layout.text().kind().word();
      String where = layout.text().kind() == TextKind.TITLE ? "at the top" : "at the bottom";
      out.append(" The ").append(kind).append(" \"").append(layout.text().text()).append("\" is ").append(where)
          .append('.');
    }
    return out.toString();
  }

  /** The objects a caption of this frame must mention, in reading order. */
  public static List<OnScreen> described(FrameLayout layout) {
    List<OnScreen> shown = new ArrayList<>();
    if (layout.staticNoise()) {
      return shown;
    }
    for (OnScreen o : layout.objects()) {
      if (o.visible() >= DESCRIBED) {
        shown.add(o);
      }
    }
    shown.sort(Comparator.comparingInt((OnScreen o) -> o.cell().ordinal()).thenComparingDouble(o -> o.pose().x()));
    return shown;
  }

  private static String objectList(List<OnScreen> shown) {
    List<String> items = new ArrayList<>();
    for (OnScreen o : shown) {
      items.add("a " + o.apparentSize().word() + " " + o.object().name() + " " + Phrases.at(o.cell()));
    }
    return join(items);
  }

  static String join(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }
}
