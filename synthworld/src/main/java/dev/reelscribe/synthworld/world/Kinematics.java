package dev.reelscribe.synthworld.world;

import dev.reelscribe.synthworld.script.Motion;
import dev.reelscribe.synthworld.script.SceneObject;
import dev.reelscribe.synthworld.script.Speed;

/**
 * Where an object is {@code t} seconds into its scene part, in world coordinates (camera at rest).
 * All motion laws live here; the renderer, the truth and the script generator all use them.
 */
public final class Kinematics {
  private Kinematics() {}

  /** Straight-line speed, frame widths (or heights) per second. */
  public static double linearSpeed(Speed speed) {
    return speed == Speed.SLOW ? 0.07 : 0.14;
  }

  /** Half the travel of a bounce, in frame units. */
  public static double bounceAmplitude(Speed speed) {
    return speed == Speed.SLOW ? 0.12 : 0.18;
  }

  /** Seconds per full bounce cycle. */
  public static double bouncePeriod(Speed speed) {
    return speed == Speed.SLOW ? 2.4 : 1.4;
  }

  /** Radius of an orbit, in frame units. */
  public static final double ORBIT_RADIUS = 0.14;

  /** Orbit angular speed, radians per second. */
  public static double orbitSpeed(Speed speed) {
    return speed == Speed.SLOW ? 0.6 * Math.PI : 1.1 * Math.PI;
  }

  /** Rotation speed, radians per second. */
  public static double spinSpeed(Speed speed) {
    return speed == Speed.SLOW ? Math.toRadians(60) : Math.toRadians(150);
  }

  /** Relative radius change over a whole part when growing. */
  public static double growth(Speed speed) {
    return speed == Speed.SLOW ? 0.5 : 0.9;
  }

  /** Relative radius lost over a whole part when shrinking. */
  public static double shrinkage(Speed speed) {
    return speed == Speed.SLOW ? 0.35 : 0.5;
  }

  /** The object's pose {@code t} seconds into a part lasting {@code duration} seconds. */
  public static Pose pose(SceneObject object, double t, double duration) {
    Motion motion = object.motion();
    Speed speed = motion.speed();
    double x = object.x();
    double y = object.y();
    double r = object.size().radius();
    double angle = 0;
    double progress = duration <= 0 ? 0 : Math.min(1, t / duration);
    switch (motion.kind()) {
      case STILL -> { }
      case LEFT, RIGHT, UP, DOWN, UP_LEFT, UP_RIGHT, DOWN_LEFT, DOWN_RIGHT -> {
        double v = linearSpeed(speed) * (motion.kind().diagonal() ? Math.sqrt(0.5) : 1);
        x += motion.kind().dx() * v * t;
        y += motion.kind().dy() * v * t;
      }
      case BOUNCE_HORIZONTAL -> x += bounceAmplitude(speed) * triangle(t / bouncePeriod(speed));
      case BOUNCE_VERTICAL -> y += bounceAmplitude(speed) * triangle(t / bouncePeriod(speed));
      case ROTATE -> angle = spinSpeed(speed) * t;
      case GROW -> r *= 1 + growth(speed) * progress;
      case SHRINK -> r *= 1 - shrinkage(speed) * progress;
      case ORBIT -> {
        double theta = orbitSpeed(speed) * t;
        x += ORBIT_RADIUS * (Math.cos(theta) - 1);
        y += ORBIT_RADIUS * Math.sin(theta);
      }
    }
    return new Pose(x, y, r, angle);
  }

  /** A triangle wave through 0 at phase 0, peaking at +1 (phase 1/4) and -1 (phase 3/4). */
  static double triangle(double phase) {
    double f = phase - Math.floor(phase);
    if (f < 0.25) {
      return 4 * f;
    }
    if (f < 0.75) {
      return 2 - 4 * f;
    }
    return 4 * f - 4;
  }
}
