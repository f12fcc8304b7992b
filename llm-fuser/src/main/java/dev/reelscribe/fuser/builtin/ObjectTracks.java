package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.TimedCaption;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.SizeClass;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Each object's path through a clip's frame captions, read from the wording the built-in frame
 * captioner writes ("a large red circle in the top left"): for every colour that some caption
 * names, its apparent size and 3×3 cell in each frame, or absent. Colours are unique within a shot,
 * so a colour is one object even when the captioner misreads its shape in one frame.
 *
 * <p>A fuser has to infer motion from change between frames; in the raw captions the cells of one
 * object sit a caption apart, in the tracks they sit side by side. A fuser trained with {@code
 * --object-tracks} ({@link FuserConfig#objectTracks}) reads both; the committed one does not, as it
 * made no measurable difference. A caption in other words (a real VLM's) yields no
 * mentions, and its clip no tracks: nothing is guessed.
 */
public final class ObjectTracks {
  /** One frame's view of an object. */
  public record Sighting(SizeClass size, Cell cell) {}

  /** A colour and its sighting in each frame, in time order; null where the frame does not name it. */
  public record Track(Colour colour, List<Sighting> frames) {}

  private static final Map<String, Colour> COLOURS = new LinkedHashMap<>();
  private static final Map<String, SizeClass> SIZES = new LinkedHashMap<>();
  private static final Map<String, Cell> CELLS = new LinkedHashMap<>();
  private static final Set<String> SHAPES = new HashSet<>();

  static {
    for (Colour c : Colour.values()) {
      COLOURS.put(c.word(), c);
    }
    for (SizeClass s : SizeClass.values()) {
      SIZES.put(s.word(), s);
    }
    for (Cell c : Cell.values()) {
      CELLS.put(c.words(), c);
    }
    for (Shape s : Shape.values()) {
      SHAPES.add(s.word());
    }
  }

  private ObjectTracks() {}

  /** The tracks of captions already in time order, ordered by the colour's first sighting. */
  public static List<Track> of(List<TimedCaption> captions) {
    Map<Colour, Sighting[]> byColour = new LinkedHashMap<>();
    for (int f = 0; f < captions.size(); f++) {
      String[] words = captions.get(f).text().toLowerCase(Locale.ROOT).split("[^a-z]+");
      for (int i = 0; i + 2 < words.length; i++) {
        SizeClass size = SIZES.get(words[i]);
        Colour colour = COLOURS.get(words[i + 1]);
        if (size == null || colour == null || !SHAPES.contains(words[i + 2])) {
          continue;
        }
        Cell cell = cellAfter(words, i + 3);
        if (cell == null) {
          continue;
        }
        Sighting[] seen = byColour.computeIfAbsent(colour, c -> new Sighting[captions.size()]);
        if (seen[f] == null) {
          seen[f] = new Sighting(size, cell);
        }
      }
    }
    List<Track> out = new ArrayList<>();
    byColour.forEach((colour, seen) -> out.add(new Track(colour, Arrays.asList(seen))));
    return out;
  }

  /** The cell named by "in/at/on the CELL" starting at {@code i}, two-word cells first; or null. */
  private static Cell cellAfter(String[] words, int i) {
    if (i + 2 >= words.length || !(words[i].equals("in") || words[i].equals("at") || words[i].equals("on"))
        || !words[i + 1].equals("the")) {
      return null;
    }
    if (i + 3 < words.length) {
      Cell two = CELLS.get(words[i + 2] + " " + words[i + 3]);
      if (two != null) {
        return two;
      }
    }
    return CELLS.get(words[i + 2]);
  }
}
