package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.SizeClass;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An object as a synthworld frame caption names it, "[size] colour shape place": "small red circle in
 * the top left", "blue shape on the right" (a hedged shape). The frame captioner's output checks and
 * the fuser's motion evidence read captions through {@link #in(String)}, so both take the same words
 * for an object.
 *
 * @param size the size said, or null when the caption names none
 * @param shape the word in the shape's slot as written (a shape's word, or "shape" when hedged)
 * @param start where the mention starts in the caption
 * @param placeStart where its place phrase ("in the top left") starts
 * @param end where the mention ends
 */
public record Mention(SizeClass size, Colour colour, String shape, Cell place, int start, int placeStart, int end) {
  private static final Map<String, Cell> PLACES = new HashMap<>();
  private static final Map<String, Colour> COLOURS = new HashMap<>();
  private static final Map<String, SizeClass> SIZES = new HashMap<>();
  private static final Pattern PATTERN;

  static {
    for (Cell c : Cell.values()) {
      PLACES.put(Phrases.at(c), c);
    }
    for (Colour c : Colour.values()) {
      COLOURS.put(c.word(), c);
    }
    for (SizeClass s : SizeClass.values()) {
      SIZES.put(s.word(), s);
    }
    String sizes = String.join("|", SIZES.keySet());
    String colours = String.join("|", COLOURS.keySet());
    // longest first, so "in the top left" is not read as "in the top" … left
    String places = PLACES.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
        .map(Pattern::quote).collect(Collectors.joining("|"));
    PATTERN = Pattern.compile("\\b(?:(" + sizes + ") )?(" + colours + ") ([a-z]+) (" + places + ")\\b");
  }

  /** Every mention in a caption, in order. */
  public static List<Mention> in(String caption) {
    List<Mention> out = new ArrayList<>();
    Matcher m = PATTERN.matcher(caption);
    while (m.find()) {
      SizeClass size = m.group(1) == null ? null : SIZES.get(m.group(1));
      out.add(new Mention(size, COLOURS.get(m.group(2)), m.group(3), PLACES.get(m.group(4)), m.start(), m.start(4),
          m.end()));
    }
    return out;
  }

  /** How many mentions of each colour a caption has. */
  public static Map<Colour, Integer> colourCounts(List<Mention> mentions) {
    return mentions.stream().collect(Collectors.toMap(Mention::colour, m -> 1, Integer::sum));
  }
}
