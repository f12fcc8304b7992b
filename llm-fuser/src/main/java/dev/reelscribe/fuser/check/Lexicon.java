package dev.reelscribe.fuser.check;

import java.util.Set;

/**
 * The words the support check looks for: colour adjectives and object nouns. An output that names a
 * colour or an object no frame caption names is stating something the frames do not support. The
 * nouns are the synthworld shapes plus the COCO object classes, so the check is useful on real
 * footage captioned by a real VLM as well as on synthworld.
 */
public final class Lexicon {
  private Lexicon() {}

  public static final Set<String> COLOURS = Set.of(
      "red", "orange", "yellow", "green", "blue", "purple", "pink", "brown", "black", "white", "gray", "grey",
      "cyan", "magenta", "teal", "navy", "maroon", "olive", "charcoal", "gold", "golden", "silver", "beige",
      "violet", "indigo", "turquoise", "crimson", "scarlet", "azure", "lime", "tan", "ivory", "lavender",
      "burgundy", "khaki", "aqua", "amber");

  public static final Set<String> OBJECTS = Set.of(
      // synthworld shapes
      "circle", "square", "triangle", "star", "hexagon", "diamond", "cross", "ring",
      // COCO classes (single-word forms)
      "person", "man", "woman", "child", "bicycle", "car", "motorcycle", "airplane", "bus", "train", "truck",
      "boat", "bench", "bird", "cat", "dog", "horse", "sheep", "cow", "elephant", "bear", "zebra", "giraffe",
      "backpack", "umbrella", "handbag", "tie", "suitcase", "frisbee", "skis", "snowboard", "ball", "kite",
      "skateboard", "surfboard", "bottle", "cup", "fork", "knife", "spoon", "bowl", "banana", "apple",
      "sandwich", "orange", "broccoli", "carrot", "pizza", "donut", "cake", "chair", "couch", "bed", "table",
      "toilet", "tv", "laptop", "mouse", "remote", "keyboard", "phone", "microwave", "oven", "toaster", "sink",
      "refrigerator", "book", "clock", "vase", "scissors", "toothbrush");

  /** The singular of a plural noun the lexicon knows ("circles" → "circle", "buses" → "bus"). */
  static String singular(String word) {
    if (OBJECTS.contains(word)) {
      return word;
    }
    for (String suffix : new String[] {"es", "s"}) {
      if (word.endsWith(suffix) && OBJECTS.contains(word.substring(0, word.length() - suffix.length()))) {
        return word.substring(0, word.length() - suffix.length());
      }
    }
    if (word.equals("people") || word.equals("men") || word.equals("women") || word.equals("children")) {
      return switch (word) {
        case "people" -> "person";
        case "men" -> "man";
        case "women" -> "woman";
        default -> "child";
      };
    }
    return word;
  }
}
