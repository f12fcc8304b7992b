package dev.reelscribe.frames.decode;

import java.time.Duration;

/** A point in time after which work on one file must stop. */
public final class Deadline {
  private final Duration bound;
  private final long deadlineNanos;

  private Deadline(Duration bound) {
    this.bound = bound;
    this.deadlineNanos = System.nanoTime() + bound.toNanos();
  }

  /** A deadline {@code bound} from now. */
  public static Deadline after(Duration bound) {
    if (bound.isNegative() || bound.isZero()) {
      throw new IllegalArgumentException("time bound must be positive, got " + bound);
    }
    return new Deadline(bound);
  }

  public boolean passed() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  public Duration bound() {
    return bound;
  }

  /** What is left, at least one millisecond. */
  public Duration remaining() {
    return Duration.ofNanos(Math.max(1_000_000L, deadlineNanos - System.nanoTime()));
  }
}
