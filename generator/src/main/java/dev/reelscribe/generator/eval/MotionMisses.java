package dev.reelscribe.generator.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * How the generated motion misses, which a single share cannot tell: of the clips whose prompt moves
 * the object in a straight line, how many went that way, did not move, went one compass step (45°)
 * off, or further off; of the clips whose object stays in place (still, rotating, growing,
 * shrinking), how many stayed. A generator that has not learnt motion fills "did not move"; one that
 * moves its objects without reading the direction fills the other two.
 *
 * @param moving clips whose prompt moves the object in a straight line
 * @param right of those, moved the prompt's way
 * @param still of those, did not move
 * @param oneStepOff of those, moved 45° off the prompt's way
 * @param furtherOff of those, moved 90° or more off
 * @param inPlace clips whose object stays in place
 * @param stayed of those, did not move
 */
public record MotionMisses(int moving, int right, int still, int oneStepOff, int furtherOff, int inPlace, int stayed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** No clips yet. */
  public static final MotionMisses NONE = new MotionMisses(0, 0, 0, 0, 0, 0, 0);

  /** This tally with one more graded clip; a clip not graded for motion (bouncing, orbiting) leaves it as it is. */
  public MotionMisses add(ClipGrader.Grade grade) {
    MotionTrack.Direction expected = grade.expected();
    if (expected == null) {
      return this;
    }
    boolean stood = grade.moved().none();
    if (expected.none()) {
      return new MotionMisses(moving, right, still, oneStepOff, furtherOff, inPlace + 1, stayed + (stood ? 1 : 0));
    }
    int steps = expected.stepsTo(grade.moved());
    return new MotionMisses(moving + 1, right + (steps == 0 ? 1 : 0), still + (stood ? 1 : 0),
        oneStepOff + (steps == 1 ? 1 : 0), furtherOff + (steps > 1 ? 1 : 0), inPlace, stayed);
  }

  String line() {
    return String.format(Locale.ROOT, "generated motion: of %d moving prompts %d went their way, %d did not move, "
        + "%d went 45° off, %d further off; of %d in-place prompts %d stayed%n", moving, right, still, oneStepOff,
        furtherOff, inPlace, stayed);
  }

  ObjectNode json() {
    ObjectNode n = JSON.createObjectNode();
    n.put("moving", moving);
    n.put("right", right);
    n.put("did_not_move", still);
    n.put("one_step_off", oneStepOff);
    n.put("further_off", furtherOff);
    n.put("in_place", inPlace);
    n.put("stayed", stayed);
    return n;
  }
}
