package dev.reelscribe.generator.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StepClockTest {
  @Test
  void reportsTheSpeedSinceTheLastRestartNotSinceTheStart() {
    AtomicLong now = new AtomicLong();
    StepClock clock = new StepClock(100, 1300, now::get);
    now.addAndGet(25 * 300_000_000L);            // 25 steps at 0.3 s
    assertThat(clock.line(125)).isEqualTo("0.30 s/step  eta 6 min");
    now.addAndGet(60_000_000_000L);              // a minute of validation, then a restart
    clock.restart(125);
    now.addAndGet(25 * 1_200_000_000L);          // 25 steps at 1.2 s
    assertThat(clock.line(150)).isEqualTo("1.20 s/step  eta 23 min");
  }
}
