package io.gordon.local.spool;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BacklogTest {
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-30T10:00:00Z");

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final List<String> passedOn = new ArrayList<>();
  final Backlog backlog =
      new Backlog(
          new SpoolListener() {
            @Override
            public void submitted(String id) {
              passedOn.add("submitted " + id);
            }

            @Override
            public void settled(
                String id, Outcome outcome, List<io.gordon.api.model.HistoryEntry> h) {
              passedOn.add(outcome.state() + " " + id);
            }
          },
          clock);

  @Test
  void aRedeliveredEventStaysPendingWithItsFirstSubmissionTime() {
    backlog.submitted("a");
    clock.now = clock.now.plusSeconds(30);
    backlog.submitted("b");
    backlog.settled("a", new Outcome.Redeliver("provider down"), List.of());
    clock.now = clock.now.plusSeconds(30);
    backlog.submitted("a");

    assertThat(backlog.size()).isEqualTo(2);
    assertThat(backlog.oldest()).isEqualTo(Duration.ofSeconds(60));

    backlog.settled("a", new Outcome.Applied(), List.of());
    assertThat(backlog.size()).isEqualTo(1);
    assertThat(backlog.oldest()).isEqualTo(Duration.ofSeconds(30));
    backlog.settled("b", new Outcome.DeadLettered("bad"), List.of());
    assertThat(backlog.size()).isZero();
    assertThat(backlog.oldest()).isZero();
    assertThat(passedOn)
        .containsExactly(
            "submitted a",
            "submitted b",
            "redeliver a",
            "submitted a",
            "applied a",
            "dead-lettered b");
  }

  @Test
  void theSameIdSpooledTwiceCountsTwiceAndARejectedLineNotAtAll() {
    backlog.submitted("dup");
    backlog.submitted("dup");
    backlog.settled("file:3", new Outcome.DeadLettered("invalid"), List.of());
    assertThat(backlog.size()).isEqualTo(2);
    backlog.settled("dup", new Outcome.Skipped("duplicate"), List.of());
    assertThat(backlog.size()).isEqualTo(1);
  }
}
