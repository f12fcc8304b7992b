package dev.reelscribe.synthworld.score;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synthworld's vocabulary with its synonyms: rewrites free English into {@link Token}s. Phrases are
 * matched longest and most specific first (camera before object motion, motion before position,
 * "light blue" before "blue"), so "the camera pans to the left" is a camera move and "drifts to the
 * left" an object's.
 */
final class Lexicon {
  private record Rule(Pattern pattern, String token) {}

  private static final String ADV = "(?: (?:\\w+ly|steadily|fast|slow|a little|a bit|more|much|further|gradually))*";
  private static final String MOVE_WORDS = "moves?|moving|moved|drifts?|drifting|drifted|travels?|travell?ing|travell?ed"
      + "|glides?|gliding|slides?|sliding|slid|heads?|heading|shifts?|shifting|goes|going|floats?|floating|runs?"
      + "|running|flies|flying|rolls?|rolling|proceeds?|proceeding|makes? its way|making its way|edges?|edging"
      + "|creeps?|creeping|zips?|zipping|darts?|darting|scoots?|races?|racing|crawls?|crawling";
  private static final String MOVE = "(?:" + MOVE_WORDS + ")";
  private static final String TO = "(?: (?:over )?(?:to|towards?|toward|into) the)";
  private static final List<Rule> RULES = new ArrayList<>();

  private static void rule(String regex, String token) {
    RULES.add(new Rule(Pattern.compile("\\b(?:" + regex + ")\\b"), " \u27e6" + token + "\u27e7 "));
  }

  static {
    // camera
    rule("(?:the )?camera(?: \\w+)?(?: is)? (?:pans?|panning|panned|moves?|moving|tracks?|tracking|trucks?|trucking"
        + "|slides?|sliding|drifts?|drifting|glides?|gliding|sweeps?|sweeping|swings?|swinging)" + ADV + TO
        + "? (?:left|leftward|leftwards)(?: side)?", "camera:camera-pan-left");
    rule("(?:the )?camera(?: \\w+)?(?: is)? (?:pans?|panning|panned|moves?|moving|tracks?|tracking|trucks?|trucking"
        + "|slides?|sliding|drifts?|drifting|glides?|gliding|sweeps?|sweeping|swings?|swinging)" + ADV + TO
        + "? (?:right|rightward|rightwards)(?: side)?", "camera:camera-pan-right");
    rule("(?:pans?|panning|panned)" + ADV + TO + "? (?:left|leftward|leftwards)", "camera:camera-pan-left");
    rule("(?:pans?|panning|panned)" + ADV + TO + "? (?:right|rightward|rightwards)", "camera:camera-pan-right");
    rule("(?:zooms?|zooming|zoomed|pushes|pushing|pushed|dollies|dollying)" + ADV + " in(?:ward)?(?: on(?: the scene)?)?",
        "camera:camera-zoom-in");
    rule("(?:zooms?|zooming|zoomed)" + ADV + " out(?:ward)?(?: from the scene)?|(?:pulls?|pulling|pulled|dollies|dollying)"
        + ADV + " (?:back|out|away)", "camera:camera-zoom-out");
    rule("(?:the )?camera(?: \\w+)? (?:stays?|remains?|is|holds?|keeps?|stands?)(?: \\w+)? (?:still|fixed|static|steady|stationary"
        + "|motionless|locked(?: off)?|unmoving|in place)|(?:static|fixed|still|stationary|locked(?: off)?|steady|unmoving)"
        + " (?:camera|shot|view)|(?:the )?camera (?:does not|doesn't|never) move", "camera:camera-still");
    // events
    rule("cuts?(?: away)? to|hard cut|(?:scene|shot|view|video) (?:changes|switches|jumps|transitions?)(?: to)?"
        + "|switches to|jumps to|transitions? to|a cut", "cut:cut");
    // object motion, most specific first
    rule("(?:is |are )?(?:stays?|remains?|staying|remaining|sits?|sitting|rests?|resting|holds?|holding|keeps?|stands?|standing)"
        + "(?: \\w+)? (?:still|motionless|stationary|static|in place|put|unmoving|perfectly still)"
        + "|(?:does not|doesn't|do not|don't|never) move|not moving|without moving|motionless|stationary|unmoving",
        "motion:still");
    for (String[] d : new String[][] {{"up", "top", "upper"}, {"down", "bottom", "lower"}}) {
      for (String h : new String[] {"left", "right"}) {
        rule(MOVE + ADV + " diagonally(?: " + d[0] + "(?:ward|wards)?)?(?: and)?" + TO + "? " + h
            + "|" + MOVE + ADV + " diagonally" + TO + " (?:" + d[1] + "|" + d[2] + ") " + h + "(?: corner)?"
            + "|" + MOVE + ADV + " " + d[0] + "(?:ward|wards)? and" + TO + "? " + h
            + "|" + MOVE + ADV + TO + " (?:" + d[1] + "|" + d[2] + ")[ -]" + h + "(?: corner)?",
            "motion:" + d[0] + "-" + h);
      }
    }
    rule("(?:bounces?|bouncing|bounced|swings?|swinging|oscillates?|oscillating|sways?|swaying|" + MOVE_WORDS + ")"
        + ADV + " (?:back and forth|from side to side|side to side|left and right|right and left)(?: horizontally)?"
        + "|(?:bounces?|bouncing|oscillates?|oscillating) horizontally", "motion:bounce-horizontal");
    rule("(?:bounces?|bouncing|bounced|bobs?|bobbing|oscillates?|oscillating|hops?|hopping|jumps?|jumping|"
        + MOVE_WORDS + ")" + ADV + " (?:up and down|down and up)(?: vertically)?|(?:bounces?|bouncing|oscillates?) vertically",
        "motion:bounce-vertical");
    rule("bounces?|bouncing", "motion:bounce");
    rule("(?:orbits?|orbiting|orbited|circles around|circling(?: around)?|circled around|revolves? around|revolving around)"
        + ADV + "(?: (?:around|round) a (?:point|center|centre))?|" + MOVE + ADV + " (?:in|along) a (?:circle|circular path|loop)",
        "motion:orbit");
    rule("(?:rotates?|rotating|rotated|spins?|spinning|spun|twirls?|twirling|turns?(?= \\w+ly| around| in place| slowly)"
        + "|turning)" + ADV + "(?: (?:in place|around its (?:center|centre|axis)|on the spot|clockwise|counterclockwise))?",
        "motion:rotate");
    rule("(?:grows?|growing|grew|expands?|expanding|expanded|enlarges?|enlarging|swells?|swelling|inflates?|inflating"
        + "|(?:gets?|getting|becomes?|becoming|grows?)" + ADV + " (?:bigger|larger)|increases? in size|scales? up)" + ADV
        + "(?: (?:bigger|larger|in size))?", "motion:grow");
    rule("(?:shrinks?|shrinking|shrank|contracts?|contracting|contracted|dwindles?|dwindling|deflates?|deflating"
        + "|(?:gets?|getting|becomes?|becoming)" + ADV + " smaller|decreases? in size|scales? down)" + ADV
        + "(?: smaller)?", "motion:shrink");
    rule(MOVE + ADV + " diagonally", "motion:diagonal");
    rule(MOVE + ADV + TO + "? (?:left|leftward|leftwards)(?: side| edge)?", "motion:left");
    rule(MOVE + ADV + TO + "? (?:right|rightward|rightwards)(?: side| edge)?", "motion:right");
    rule(MOVE + ADV + "(?: (?:up|upward|upwards)|" + TO + " top)|(?:rises?|rising|rose|climbs?|climbing|ascends?|ascending|lifts?)",
        "motion:up");
    rule(MOVE + ADV + "(?: (?:down|downward|downwards)|" + TO + " bottom)|(?:sinks?|sinking|sank|falls?|falling|fell"
        + "|descends?|descending|drops?|dropping|dropped)", "motion:down");
    // static (after camera and motion, which own "static camera" and "remains static")
    rule("(?:tv|television) static|static noise|static|(?:white )?noise fills|snow(?:y)? (?:noise|screen)|interference",
        "static:static");
    // text
    rule("title|headline|banner", "text:title");
    rule("subtitles?|caption(?= reads| reading)", "text:subtitle");
    rule("on[- ]screen text|the text|text reading|lettering|the words", "text:text");
    // background words
    rule("background|backdrop|back ground", "bgnoun:background");
    rule("grid|checkered|tiled|lattice|gridlines|grid lines", "bgkind:grid");
    rule("gradient|fading|fades", "bgkind:gradient");
    rule("textured|texture|mottled|grainy|speckled|cloudy|marbled|noisy", "bgkind:noise");
    rule("plain|solid|flat|uniform", "bgkind:solid");
    // positions
    rule("(?:top|upper)[ -](?:left|left-hand)(?: corner| side| part| area| region)?|(?:left|left-hand) (?:top|upper)", "cell:top-left");
    rule("(?:top|upper)[ -](?:right|right-hand)(?: corner| side| part| area| region)?", "cell:top-right");
    rule("(?:bottom|lower)[ -](?:left|left-hand)(?: corner| side| part| area| region)?", "cell:bottom-left");
    rule("(?:bottom|lower)[ -](?:right|right-hand)(?: corner| side| part| area| region)?", "cell:bottom-right");
    rule("(?:center|centre|middle)(?: of the (?:frame|screen|image|picture|scene))?|centered|centred", "cell:center");
    rule("(?:at|near|along|in|on|toward|towards|to) the (?:top|upper)(?: (?:edge|part|side|area|center|centre|middle|half))?",
        "cell:top");
    rule("(?:at|near|along|in|on|toward|towards|to) the (?:bottom|lower)(?: (?:edge|part|side|area|center|centre|middle|half))?",
        "cell:bottom");
    rule("(?:at|near|along|in|on|toward|towards|to) the (?:left|left-hand)(?: (?:edge|part|side|area|half))?", "cell:left");
    rule("(?:at|near|along|in|on|toward|towards|to) the (?:right|right-hand)(?: (?:edge|part|side|area|half))?", "cell:right");
    // counts of things
    rule("(?:a single|one|only one|just one) (?:object|shape|item|figure|thing|form)", "count:1");
    rule("(?:two|a pair of|a couple of|both) (?:objects|shapes|items|figures|things|forms)", "count:2");
    rule("three (?:objects|shapes|items|figures|things|forms)", "count:3");
    rule("four (?:objects|shapes|items|figures|things|forms)", "count:4");
    rule("(?:no|zero) (?:objects|shapes|items|figures|things|forms)|an empty|is empty", "count:0");
    rule("object|shape|item|figure|form", "thing:thing");
    rule("it|its", "pronoun:it");
    // colours (object palette, then background palette)
    rule("light blue|sky blue|sky-blue|aqua|turquoise|cyan", "colour:cyan");
    rule("navy(?: blue)?|dark blue|midnight blue|indigo", "colour:navy");
    rule("dark cyan|dark teal|teal|petrol", "colour:teal");
    rule("dark red|burgundy|maroon|wine", "colour:maroon");
    rule("olive(?: green)?|khaki|dark olive", "colour:olive");
    rule("charcoal|dark gr[ae]y|gr[ae]y|slate", "colour:charcoal");
    rule("black|jet black|ebony", "colour:black");
    rule("red|crimson|scarlet|ruby|cherry", "colour:red");
    rule("orange|tangerine|amber", "colour:orange");
    rule("yellow|golden|gold|lemon", "colour:yellow");
    rule("green|emerald|lime|jade", "colour:green");
    rule("blue|azure|cobalt|sapphire", "colour:blue");
    rule("purple|violet|lavender|magenta|plum|lilac", "colour:purple");
    rule("pink|rose|salmon|fuchsia", "colour:pink");
    rule("white|ivory|snow white|milky", "colour:white");
    rule("brown|chocolate|tan|bronze|coffee|chestnut", "colour:brown");
    // sizes
    rule("small|tiny|little|smaller|petite|miniature", "size:small");
    rule("medium(?: sized| size)?|mid sized|mid-sized|moderate(?: sized)?|average sized", "size:medium");
    rule("large|big|huge|giant|larger|bigger|enormous", "size:large");
    // shapes
    rule("circles?|discs?|disks?|dots?|balls?|spheres?|round shapes?", "shape:circle");
    rule("squares?|box(?:es)?|blocks?|cubes?|rectangles?", "shape:square");
    rule("triangles?|triangular shapes?|pyramids?", "shape:triangle");
    rule("five pointed stars?|stars?|pentagrams?", "shape:star");
    rule("rings?|donuts?|doughnuts?|hoops?|annul(?:us|i)|tor(?:us|i)", "shape:ring");
    rule("cross(?:es)?|plus signs?|plus shapes?|plus", "shape:cross");
    rule("diamonds?|rhomb(?:us|i|uses)|lozenges?", "shape:diamond");
    rule("hexagons?|hexagonal shapes?", "shape:hexagon");
  }

  private Lexicon() {}

  /** The tokens of {@code text}: quoted text first becomes QUOTE tokens, then phrases become concepts. */
  static List<Token> tokens(String text, List<String> quotes) {
    StringBuilder out = new StringBuilder();
    Matcher q = Pattern.compile("[\"\u201c\u201d]([^\"\u201c\u201d]*)[\"\u201c\u201d]").matcher(text);
    int last = 0;
    while (q.find()) {
      out.append(normalise(text.substring(last, q.start()))).append(" \u27e6quote:").append(quotes.size()).append("\u27e7 ");
      quotes.add(q.group(1).trim().toUpperCase(Locale.ROOT));
      last = q.end();
    }
    out.append(normalise(text.substring(last)));
    String s = out.toString().replaceAll("\\s+", " ");
    for (Rule r : RULES) {
      s = protect(s, r);
    }
    List<Token> tokens = new ArrayList<>();
    for (String word : s.trim().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (word.startsWith("\u27e6") && word.endsWith("\u27e7")) {
        String[] kv = word.substring(1, word.length() - 1).split(":", 2);
        tokens.add(new Token(kind(kv[0]), kv[1]));
      } else {
        tokens.add(new Token(Token.Kind.WORD, word));
      }
    }
    return tokens;
  }

  /** Lower case, hyphens as spaces, sentence ends as END tokens, other punctuation as commas. */
  private static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("(?<=\\w)-(?=\\w)", " ")
        .replaceAll("[,:()]", " , ")
        .replaceAll("[.;!?]+", " \u27e6end:end\u27e7 ");
  }

  /** Applies a rule outside already-made tokens. */
  private static String protect(String s, Rule r) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      int open = s.indexOf('\u27e6', i);
      int end = open < 0 ? s.length() : open;
      out.append(r.pattern().matcher(s.substring(i, end)).replaceAll(r.token()));
      if (open < 0) {
        break;
      }
      int close = s.indexOf('\u27e7', open);
      out.append(s, open, close + 1);
      i = close + 1;
    }
    return out.toString();
  }

  private static Token.Kind kind(String name) {
    return switch (name) {
      case "camera" -> Token.Kind.CAMERA;
      case "cut" -> Token.Kind.CUT;
      case "motion" -> Token.Kind.MOTION;
      case "static" -> Token.Kind.STATIC;
      case "text" -> Token.Kind.TEXT;
      case "bgnoun" -> Token.Kind.BG_NOUN;
      case "bgkind" -> Token.Kind.BG_KIND;
      case "cell" -> Token.Kind.CELL;
      case "count" -> Token.Kind.COUNT;
      case "thing" -> Token.Kind.THING;
      case "pronoun" -> Token.Kind.PRONOUN;
      case "colour" -> Token.Kind.COLOUR;
      case "size" -> Token.Kind.SIZE;
      case "shape" -> Token.Kind.SHAPE;
      case "quote" -> Token.Kind.QUOTE;
      case "end" -> Token.Kind.END;
      default -> throw new IllegalStateException("unknown token kind " + name);
    };
  }
}
