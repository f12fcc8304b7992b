package dev.reelscribe.synthworld.script;

import java.util.Objects;

/** An object's motion and its speed. */
public record Motion(MotionKind kind, Speed speed) {
  public Motion {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(speed, "speed");
  }

  public static Motion still() {
    return new Motion(MotionKind.STILL, Speed.SLOW);
  }
}
