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

  @Test
  void aWaitCompletesOnceEveryEventFinishedEachWithTheStatusItFinishedWith() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 100);
    t.claim("a", "1");
    t.claim("b", "2");
    t.claim("c", "3");
    t.settled("a", new Outcome.Applied(), List.of());
    StatusTracker.Wait w = t.watch(List.of("a", "b", "c"));
    t.settled("b", new Outcome.Redeliver("later"), List.of());
    t.settled("c", new Outcome.DeadLettered("bad"), List.of());
    assertThat(w.done()).isNotDone();
    t.settled("b", new Outcome.Applied(), List.of());
    assertThat(w.done()).isDone();
    assertThat(w.unknown()).isFalse();
    t.claim("c", "3"); // a retry of the same content starts c over; the wait keeps its outcome
    assertThat(t.results(w))
        .extracting(s -> s.orElseThrow().state() + "/" + s.orElseThrow().reason())
        .containsExactly("applied/", "applied/", "dead-lettered/bad");
  }

  @Test
  void twoRequestsWaitingForTheSameEventAreBothAnsweredAndAnUnfinishedOneIsReadWhenAsked() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 100);
    t.claim("a", "1");
    t.claim("b", "2");
    StatusTracker.Wait first = t.watch(List.of("a"));
    StatusTracker.Wait second = t.watch(List.of("b", "a"));
    t.settled("a", new Outcome.Skipped("stale"), List.of());
    assertThat(first.done()).isDone();
    assertThat(second.done()).isNotDone();
    assertThat(t.results(second))
        .extracting(s -> s.orElseThrow().state())
        .containsExactly("pending", "skipped");
  }

  @Test
  void anUnknownIdDoesNotHoldTheWaitAndIsReportedEmpty() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 100);
    t.claim("a", "1");
    StatusTracker.Wait w = t.watch(List.of("gone", "a"));
    assertThat(w.unknown()).isTrue();
    t.settled("a", new Outcome.Applied(), List.of());
    assertThat(w.done()).isDone();
    assertThat(t.results(w).get(0)).isEmpty();
  }
}
