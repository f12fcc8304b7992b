package dev.reelscribe.fuser.builtin;

import dev.reelscribe.fuser.TimedCaption;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Colour;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.MotionKind;
import dev.reelscribe.synthworld.script.Shape;
import dev.reelscribe.synthworld.script.Speed;
import dev.reelscribe.synthworld.truth.Mention;
import dev.reelscribe.synthworld.truth.Phrases;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Checks the motions a fused description states against the frame captions' evidence. The frame
 * captions are split into scene parts where their background changes; in each part every colour's
 * track (3×3 cell and size per frame) becomes evidence ({@link MotionTable#evidence(List)}), and
 * where the table knows that evidence, a sentence "The &lt;colour&gt; &lt;shape&gt; &lt;motion&gt;."
 * of the same part gets the table's motion, in the canonical wording, keeping the sentence's speed.
 * The fuser reads motion from captions worse than the table does (it writes diagonals for orbits and
 * bounces); the table has nothing to say about evidence it never saw, and then the fuser's words stay.
 * A description whose parts do not line up with the captions' is left as it is; a checked sentence
 * that repeats one already there (the fuser named the object's motion twice) is written once. A
 * motion sentence garbled by a decoding loop ("… moves quickly in a diamond moves quickly diagonally
 * up and to the right.") is read as the motion phrase it ends with, and written without the rest.
 */
public final class MotionCheck {
  private static final String COLOURS = Arrays.stream(Colour.values()).map(Colour::word)
      .collect(Collectors.joining("|"));
  private static final String SHAPES = Arrays.stream(Shape.values()).map(Shape::word)
      .collect(Collectors.joining("|")) + "|shape";
  private static final Set<String> SHAPE_WORDS = Stream.concat(Arrays.stream(Shape.values()).map(Shape::word),
      Stream.of("shape")).collect(Collectors.toUnmodifiableSet());
  private static final Pattern BACKGROUND = Pattern.compile(
      "\\b(?:a|an|A|An) ((?:plain |textured )?[a-z]+(?: to [a-z]+)?(?: grid| gradient)? background)\\b");
  private static final Pattern MOTION_SENTENCE = Pattern.compile("^The (" + COLOURS + ") (" + SHAPES + ") (.+)\\.$");
  /** "Then the video cuts to", …: the openings of synthworld's cut sentences. */
  private static final List<String> CUTS = Phrases.CUT_SENTENCES.stream()
      .map(s -> s.substring(0, s.indexOf(" %s"))).toList();
  /** Every way a description may state a motion, with the speed it says: "moves slowly to the left". */
  private static final Map<String, Motion> PHRASES = new LinkedHashMap<>();

  static {
    for (MotionKind kind : MotionKind.values()) {
      for (Speed speed : Speed.values()) {
        Motion motion = new Motion(kind, speed);
        for (String variant : Phrases.motionVariants(motion)) {
          for (String adverb : Phrases.adverbs(speed)) {
            PHRASES.putIfAbsent(variant.replace("%s", adverb), motion);
          }
        }
      }
    }
  }

  private final MotionTable table;

  public MotionCheck(MotionTable table) {
    this.table = table;
  }

  /** The description with each stated motion checked against the captions' evidence. */
  public String check(String description, List<TimedCaption> captions) {
    List<Map<String, String>> evidence = evidence(captions);
    List<String> sentences = sentences(description);
    int part = 0;
    List<String> out = new ArrayList<>(sentences.size());
    Map<String, Integer> partOf = new HashMap<>();
    for (String sentence : sentences) {
      if (CUTS.stream().anyMatch(sentence::startsWith)) {
        part++;
      }
      String checked = part < evidence.size() ? checkSentence(sentence, evidence.get(part), 0) : sentence;
      Integer earlier = partOf.get(checked);
      if (earlier != null && earlier == part && MOTION_SENTENCE.matcher(checked).matches()) {
        continue; // the same object's motion twice in one part (as checked): once is enough
      }
      if (earlier != null && !checked.equals(sentence)) {
        // the same words for another part's object: say it another way, so it reads as no loop
        checked = checkSentence(sentence, evidence.get(part), 1);
      }
      partOf.putIfAbsent(checked, part);
      out.add(checked);
    }
    if (part + 1 != evidence.size()) {
      return description; // the description's cuts and the captions' do not line up
    }
    return String.join(" ", out);
  }

  /** The sentence with the table's motion in wording {@code variant} (the first when there is no other). */
  private String checkSentence(String sentence, Map<String, String> evidence, int variant) {
    Matcher m = MOTION_SENTENCE.matcher(sentence);
    if (!m.matches()) {
      return sentence;
    }
    String stated = m.group(3);
    Motion said = PHRASES.get(stated);
    if (said == null) {
      // a garbled sentence ("moves quickly in a diamond moves quickly diagonally up and to the right"):
      // the motion phrase it ends with is what it says, the words before it are a loop's leftovers
      String tail = tailPhrase(stated);
      if (tail == null) {
        return sentence;
      }
      said = PHRASES.get(tail);
      sentence = "The " + m.group(1) + " " + m.group(2) + " " + tail + ".";
    }
    String track = evidence.get(m.group(1));
    Optional<MotionKind> likely = track == null ? Optional.empty() : table.motion(track);
    if (likely.isEmpty() || likely.get() == said.kind()) {
      return sentence;
    }
    return "The " + m.group(1) + " " + m.group(2) + " " + wording(new Motion(likely.get(), said.speed()), variant) + ".";
  }

  /**
   * The longest motion phrase that {@code words} ends with after other words, or null; also null when
   * the words before it end in a conjunction ("moves to the left and then stays still" states two
   * motions, it is no loop).
   */
  static String tailPhrase(String words) {
    String best = null;
    for (String phrase : PHRASES.keySet()) {
      if (words.endsWith(" " + phrase) && (best == null || phrase.length() > best.length())) {
        best = phrase;
      }
    }
    if (best == null) {
      return null;
    }
    String before = words.substring(0, words.length() - best.length() - 1);
    return before.endsWith(",") || before.endsWith(" and") || before.endsWith(" then") ? null : best;
  }

  /** Wording {@code variant} of a motion (0: the first, as synthworld's canonical descriptions say it). */
  static String wording(Motion motion, int variant) {
    List<String> variants = Phrases.motionVariants(motion);
    String template = variants.get(Math.min(variant, variants.size() - 1));
    return template.replace("%s", Phrases.adverbs(motion.speed()).get(0));
  }

  /**
   * Per scene part (a new one where the captions' background changes), each colour's evidence over
   * the part's frames.
   */
  static List<Map<String, String>> evidence(List<TimedCaption> captions) {
    List<List<String>> parts = new ArrayList<>();
    String background = null;
    for (TimedCaption c : captions) {
      Matcher b = BACKGROUND.matcher(c.text());
      String now = b.find() ? b.group(1) : null;
      if (parts.isEmpty() || now != null && background != null && !now.equals(background)) {
        parts.add(new ArrayList<>());
      }
      if (now != null) {
        background = now;
      }
      parts.get(parts.size() - 1).add(c.text());
    }
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> texts : parts) {
      Map<String, List<int[]>> tracks = new LinkedHashMap<>();
      for (int f = 0; f < texts.size(); f++) {
        for (Mention m : Mention.in(texts.get(f))) {
          if (m.size() == null || !SHAPE_WORDS.contains(m.shape())) {
            continue;
          }
          Cell cell = m.place();
          int size = m.size().ordinal();
          List<int[]> track = tracks.computeIfAbsent(m.colour().word(), k -> new ArrayList<>());
          while (track.size() < f) {
            track.add(null);
          }
          int[] point = {cell.col(), cell.row(), size};
          if (track.size() == f) {
            track.add(point);
          } else {
            track.set(f, point);
          }
        }
      }
      Map<String, String> byColour = new HashMap<>();
      tracks.forEach((colour, track) -> {
        while (track.size() < texts.size()) {
          track.add(null);
        }
        byColour.put(colour, MotionTable.evidence(track));
      });
      out.add(byColour);
    }
    return out;
  }

  /** The sentences of a description, split after ". " (quoted on-screen text never holds one). */
  private static List<String> sentences(String text) {
    List<String> out = new ArrayList<>();
    int from = 0;
    for (int i = text.indexOf(". "); i >= 0; i = text.indexOf(". ", i + 2)) {
      out.add(text.substring(from, i + 1));
      from = i + 2;
    }
    if (from < text.length()) {
      out.add(text.substring(from));
    }
    return out;
  }
}
