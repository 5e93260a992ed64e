package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatingWarningsTest {
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T20:00:00Z"));
  final RecordingLogger log = new RecordingLogger();
  final RepeatingWarnings warnings = new RepeatingWarnings(clock, log);

  @Test
  void aWarningThatRecursIsLoggedOnceThenOncePerIntervalWithItsCount() {
    for (int i = 0; i < 300; i++) {
      warnings.warn("a", "cannot read a");
      clock.advance(Duration.ofSeconds(1));
    }
    warnings.warn("a", "cannot read a");
    assertThat(log.messages())
        .containsExactly(
            "cannot read a", "cannot read a (still; 300 times since 2026-11-30T20:00:00Z)");
  }

  @Test
  void aChangedTextOrAnotherKeyIsLoggedAtOnce() {
    warnings.warn("a", "cannot read a: one");
    warnings.warn("b", "cannot read b");
    warnings.warn("a", "cannot read a: two");
    warnings.warn("a", "cannot read a: two");
    assertThat(log.messages())
        .containsExactly("cannot read a: one", "cannot read b", "cannot read a: two");
  }

  @Test
  void aWarningThatWentAwayIsNewsWhenItComesBack() {
    warnings.warn("a", "cannot read a");
    warnings.clear("a");
    warnings.warn("a", "cannot read a");
    assertThat(log.messages()).isEqualTo(List.of("cannot read a", "cannot read a"));
  }
}
