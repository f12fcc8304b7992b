package dev.reelscribe.generator.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.reelscribe.synthworld.script.Speed;
import java.util.Locale;

/**
 * How the generated motion misses, which a single share cannot tell: of the clips whose prompt moves
 * the object in a straight line, how many went that way, did not move, went one compass step (45°)
 * off, or further off, and the same for the slow ones alone (a slow object travels a seventh of the
 * frame in a 17-frame clip and its measured shift is not far above what the grader counts as moving,
 * so it is where a generator that undershoots fails first); of the clips whose object stays in place
 * (still, rotating, growing, shrinking), how many stayed. A generator that has not learnt motion
 * fills "did not move"; one that moves its objects without reading the direction fills the other two.
 *
 * @param moving clips whose prompt moves the object in a straight line
 * @param right of those, moved the prompt's way
 * @param still of those, did not move
 * @param oneStepOff of those, moved 45° off the prompt's way
 * @param furtherOff of those, moved 90° or more off
 * @param slowMoving of the moving clips, those whose prompt moves the object slowly
 * @param slowRight of those, moved the prompt's way
 * @param slowStill of those, did not move
 * @param inPlace clips whose object stays in place
 * @param stayed of those, did not move
 */
public record MotionMisses(int moving, int right, int still, int oneStepOff, int furtherOff, int slowMoving,
    int slowRight, int slowStill, int inPlace, int stayed) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** No clips yet. */
  public static final MotionMisses NONE = new MotionMisses(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** This tally with one more graded clip; a clip not graded for motion (bouncing, orbiting) leaves it as it is. */
  public MotionMisses add(ClipGrader.Grade grade) {
    MotionTrack.Direction expected = grade.expected();
    if (expected == null) {
      return this;
    }
    int stood = grade.moved().none() ? 1 : 0;
    if (expected.none()) {
      return new MotionMisses(moving, right, still, oneStepOff, furtherOff, slowMoving, slowRight, slowStill,
          inPlace + 1, stayed + stood);
    }
    int steps = expected.stepsTo(grade.moved());
    int went = steps == 0 ? 1 : 0;
    int slow = grade.object().motion().speed() == Speed.SLOW ? 1 : 0;
    return new MotionMisses(moving + 1, right + went, still + stood, oneStepOff + (steps == 1 ? 1 : 0),
        furtherOff + (steps > 1 ? 1 : 0), slowMoving + slow, slowRight + slow * went, slowStill + slow * stood,
        inPlace, stayed);
  }

  String line() {
    return String.format(Locale.ROOT, "generated motion: of %d moving prompts %d went their way, %d did not move, "
        + "%d went 45° off, %d further off (the %d slow ones: %d went their way, %d did not move); "
        + "of %d in-place prompts %d stayed%n", moving, right, still, oneStepOff, furtherOff, slowMoving, slowRight,
        slowStill, inPlace, stayed);
  }

  ObjectNode json() {
    ObjectNode n = JSON.createObjectNode();
    n.put("moving", moving);
    n.put("right", right);
    n.put("did_not_move", still);
    n.put("one_step_off", oneStepOff);
    n.put("further_off", furtherOff);
    ObjectNode slow = n.putObject("slow");
    slow.put("moving", slowMoving);
    slow.put("right", slowRight);
    slow.put("did_not_move", slowStill);
    n.put("in_place", inPlace);
    n.put("stayed", stayed);
    return n;
  }
}
