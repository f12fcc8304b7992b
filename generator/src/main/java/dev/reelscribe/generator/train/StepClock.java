package dev.reelscribe.generator.train;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Seconds a training step over the steps since the clock was last restarted, and the time left at
 * that rate. The trainer restarts it after each progress line, validation and checkpoint, so the
 * figure is the current speed of training steps alone (an average since the start hides a change of
 * speed, such as the switch from half to full resolution, for thousands of steps).
 */
final class StepClock {
  private final int total;
  private final LongSupplier nanos;
  private int from;
  private long since;

  StepClock(int first, int total) {
    this(first, total, System::nanoTime);
  }

  StepClock(int first, int total, LongSupplier nanos) {
    this.total = total;
    this.nanos = nanos;
    restart(first);
  }

  /** {@code "1.27 s/step  eta 59 min"} for the steps since the last restart, up to {@code step}. */
  String line(int step) {
    double perStep = (nanos.getAsLong() - since) / 1e9 / Math.max(1, step - from);
    return String.format(Locale.ROOT, "%.2f s/step  eta %.0f min", perStep, perStep * (total - step) / 60);
  }

  void restart(int step) {
    from = step;
    since = nanos.getAsLong();
  }
}
