package dev.reelscribe.synthworld.truth;

import dev.reelscribe.synthworld.script.Background;
import dev.reelscribe.synthworld.script.CameraMotion;
import dev.reelscribe.synthworld.script.Cell;
import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.Speed;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The English synthworld speaks. Every phrase here is one the {@code score.Lexicon} understands; the
 * lexicon's tests render every variant and read it back.
 */
public final class Phrases {
  private Phrases() {}

  /** "in the top left", "at the top", "on the left", "in the center". */
  public static String at(Cell cell) {
    return switch (cell) {
      case TOP, BOTTOM -> "at the " + cell.words();
      case LEFT, RIGHT -> "on the " + cell.words();
      default -> "in the " + cell.words();
    };
  }

  /** "a navy grid background", "a navy to teal gradient background". */
  public static String background(Background b) {
    String c = b.colour().word();
    return switch (b.kind()) {
      case SOLID -> "a plain " + c + " background";
      case GRADIENT -> article(c) + " " + c + " to " + b.second().word() + " gradient background";
      case GRID -> article(c) + " " + c + " grid background";
      case NOISE -> "a textured " + c + " background";
    };
  }

  /** "a" or "an" before a word. */
  public static String article(String word) {
    return "aeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
  }

  static final List<String> SLOW = List.of("slowly", "gently", "steadily");
  static final List<String> FAST = List.of("quickly", "rapidly", "swiftly");

  /** The speed adverbs a description may use, the canonical one first: "slowly", "gently", … */
  public static List<String> adverbs(Speed speed) {
    return speed == Speed.SLOW ? SLOW : FAST;
  }

  /** How a description opens a new scene part after a cut; {@code %s} are the background and the objects. */
  public static final List<String> CUT_SENTENCES = List.of(
      "Then the video cuts to %s, where there is %s.",
      "The scene then cuts to %s with %s.",
      "Suddenly the shot cuts to %s, showing %s.");

  /** All the ways a description may say a motion; {@code %s} is a speed adverb. */
  public static List<String> motionVariants(Motion motion) {
    return switch (motion.kind()) {
      case STILL -> List.of("stays still", "remains motionless", "does not move", "stays in place");
      case LEFT -> List.of("moves %s to the left", "drifts %s to the left", "travels %s to the left",
          "slides %s leftward");
      case RIGHT -> List.of("moves %s to the right", "drifts %s to the right", "travels %s to the right",
          "slides %s rightward");
      case UP -> List.of("moves %s upward", "rises %s", "drifts %s upward", "climbs %s");
      case DOWN -> List.of("moves %s downward", "sinks %s", "falls %s", "drifts %s downward");
      case UP_LEFT -> List.of("moves %s diagonally up and to the left", "drifts %s toward the top left");
      case UP_RIGHT -> List.of("moves %s diagonally up and to the right", "drifts %s toward the top right");
      case DOWN_LEFT -> List.of("moves %s diagonally down and to the left", "drifts %s toward the bottom left");
      case DOWN_RIGHT -> List.of("moves %s diagonally down and to the right", "drifts %s toward the bottom right");
      case BOUNCE_HORIZONTAL -> List.of("bounces %s from side to side", "swings %s left and right",
          "bounces %s back and forth horizontally");
      case BOUNCE_VERTICAL -> List.of("bounces %s up and down", "bobs %s up and down");
      case ROTATE -> List.of("rotates %s in place", "spins %s", "turns %s around its center");
      case GROW -> List.of("grows %s larger", "expands %s", "%s gets bigger");
      case SHRINK -> List.of("shrinks %s", "%s gets smaller", "contracts %s");
      case ORBIT -> List.of("moves %s in a circle", "circles around %s", "orbits %s around a point");
    };
  }

  /** One way to say the motion, with a speed adverb where the motion has a speed. */
  public static String motion(Motion motion, SplittableRandom random) {
    return motion(motion, Wording.random(random));
  }

  static String motion(Motion motion, Wording random) {
    String template = pick(motionVariants(motion), random);
    if (!template.contains("%s")) {
      return template;
    }
    return String.format(template, pick(motion.speed() == Speed.SLOW ? SLOW : FAST, random));
  }

  /** The short form a prompt uses: "moving left", "spinning". */
  public static String motionShort(Motion motion) {
    return switch (motion.kind()) {
      case STILL -> "staying still";
      case LEFT -> "moving left";
      case RIGHT -> "moving right";
      case UP -> "rising";
      case DOWN -> "sinking";
      case UP_LEFT -> "moving diagonally up and to the left";
      case UP_RIGHT -> "moving diagonally up and to the right";
      case DOWN_LEFT -> "moving diagonally down and to the left";
      case DOWN_RIGHT -> "moving diagonally down and to the right";
      case BOUNCE_HORIZONTAL -> "bouncing from side to side";
      case BOUNCE_VERTICAL -> "bouncing up and down";
      case ROTATE -> "spinning";
      case GROW -> "growing";
      case SHRINK -> "shrinking";
      case ORBIT -> "circling around";
    };
  }

  public static List<String> cameraVariants(CameraMotion camera) {
    return switch (camera) {
      case STILL -> List.of("The camera stays still.", "The camera remains fixed.", "The camera holds steady.");
      case PAN_LEFT -> List.of("The camera pans slowly to the left.", "Meanwhile, the camera pans left.",
          "The camera pans to the left throughout.");
      case PAN_RIGHT -> List.of("The camera pans slowly to the right.", "Meanwhile, the camera pans right.",
          "The camera pans to the right throughout.");
      case ZOOM_IN -> List.of("The camera slowly zooms in.", "Meanwhile, the camera zooms in.",
          "The camera gradually zooms in on the scene.");
      case ZOOM_OUT -> List.of("The camera slowly zooms out.", "Meanwhile, the camera pulls back.",
          "The camera gradually zooms out from the scene.");
    };
  }

  public static String cameraShort(CameraMotion camera) {
    return switch (camera) {
      case STILL -> "";
      case PAN_LEFT -> "camera panning left";
      case PAN_RIGHT -> "camera panning right";
      case ZOOM_IN -> "camera zooming in";
      case ZOOM_OUT -> "camera zooming out";
    };
  }

  static String countWord(int n) {
    return switch (n) {
      case 1 -> "one";
      case 2 -> "two";
      case 3 -> "three";
      default -> Integer.toString(n);
    };
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  static <T> T pick(List<T> options, SplittableRandom random) {
    return pick(options, Wording.random(random));
  }

  static <T> T pick(List<T> options, Wording wording) {
    return options.get(wording.choose(options.size()));
  }
}
