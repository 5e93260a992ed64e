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
  void aForgottenIdCanCarryNewContentAndItsOldEntryNeitherCountsNorEvictsTheNewOne() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 2);
    t.claim("a", "1");
    t.forget("a"); // its spool write failed: 503, nothing accepted
    assertThat(t.status("a")).isEmpty();
    assertThat(t.claim("a", "other")).isEmpty();
    t.claim("b", "2");
    assertThat(t.status("a")).isPresent(); // the forgotten entry at the head was skipped
    assertThat(t.status("b")).isPresent();
    t.claim("c", "3");
    assertThat(t.status("a")).isEmpty(); // the live a was the oldest: the bound dropped it
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
    StatusWait w = t.watch(List.of("a", "b", "c"));
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
    StatusWait first = t.watch(List.of("a"));
    StatusWait second = t.watch(List.of("b", "a"));
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
    StatusWait w = t.watch(List.of("gone", "a"));
    assertThat(w.unknown()).isTrue();
    t.settled("a", new Outcome.Applied(), List.of());
    assertThat(w.done()).isDone();
    assertThat(t.results(w).get(0)).isEmpty();
  }

  @Test
  void aFinishedEventClaimedAgainMovesToTheYoungEndAndOutlivesOlderOnes() {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 2);
    t.claim("a", "1");
    t.claim("b", "2");
    for (int i = 0; i < 5_000; i++) { // a client retrying one id: the claim order stays bounded
      t.settled("a", new Outcome.Applied(), List.of());
      assertThat(t.claim("a", "1")).isEmpty();
    }
    t.claim("c", "3");
    assertThat(t.status("b")).isEmpty();
    assertThat(t.status("a").orElseThrow().state()).isEqualTo("pending");
    assertThat(t.status("c")).isPresent();
  }

  @Test
  void waitsOfManyRequestsEachCompleteWithEveryEventsOwnOutcomeWhenSettledFromManyThreads()
      throws Exception {
    StatusTracker t = new StatusTracker(clock, Duration.ofMinutes(10), 100_000);
    List<List<String>> requests = new java.util.ArrayList<>();
    for (int r = 0; r < 20; r++) {
      List<String> ids = new java.util.ArrayList<>();
      for (int i = 0; i < 500; i++) {
        ids.add(r + "-" + i);
        t.claim(r + "-" + i, "x");
      }
      requests.add(ids);
    }
    List<StatusWait> waits = requests.stream().map(t::watch).toList();
    try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int k = 0; k < 4; k++) {
        int part = k;
        pool.submit(
            () -> {
              for (List<String> ids : requests) {
                for (int i = part; i < ids.size(); i += 4) {
                  t.settled(ids.get(i), new Outcome.Skipped("because " + ids.get(i)), List.of());
                }
              }
            });
      }
    }
    for (int r = 0; r < waits.size(); r++) {
      waits.get(r).done().get(10, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(t.results(waits.get(r)))
          .extracting(s -> s.orElseThrow().reason())
          .containsExactlyElementsOf(requests.get(r).stream().map(id -> "because " + id).toList());
    }
  }
}
