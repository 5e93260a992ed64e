package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.Outcome;
import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

  @Test
  void aFinishedEventIsForgottenOnceTheRetentionHasPassedAndItsIdCanCarryNewContent() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 100);
    assertThat(t.claim("a", "one")).isEmpty();
    t.settled("a", new Outcome.Applied(), List.of());
    clock.advance(Duration.ofMinutes(10));
    assertThat(t.claim("a", "two")).contains("one");
    clock.advance(Duration.ofNanos(1));
    assertThat(t.claim("a", "two")).isEmpty();
    assertThat(t.status("a").orElseThrow().state()).isEqualTo("pending");
  }

  @Test
  void aPendingEventIsKeptPastTheRetentionAndKeepsTheFinishedOnesBehindIt() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 100);
    t.claim("slow", "s");
    t.claim("done", "d");
    t.settled("done", new Outcome.Applied(), List.of());
    clock.advance(Duration.ofHours(1));
    assertThat(t.claim("other", "o")).isEmpty();
    assertThat(t.status("slow")).isPresent();
    assertThat(t.status("done")).isPresent();
  }

  @Test
  void theOldestEntriesGoFirstWhenThereAreTooMany() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 2);
    t.claim("a", "1");
    t.claim("b", "2");
    t.claim("c", "3");
    assertThat(t.status("a")).isEmpty();
    assertThat(t.status("b")).isPresent();
    assertThat(t.status("c")).isPresent();
  }
}
