package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RewritePolicyTest {
  static final Instant T = Instant.parse("2026-11-30T12:00:00Z");

  @Test
  void theFirstRewriteIsDueAtOnce() {
    assertThat(new RewritePolicy(10).due(T)).isTrue();
  }

  @Test
  void afterAQuietTimeABurstIsWrittenAtOnceUpToTheShareOfASecond() {
    RewritePolicy p = new RewritePolicy(10); // 100 ms of rewriting at once
    Instant t = T;
    for (int i = 0; i < 3; i++) {
      assertThat(p.due(t)).as("rewrite %d", i).isTrue();
      p.rewrote(t, t.plusMillis(30));
      t = t.plusMillis(30);
    }

    assertThat(p.due(t)).isFalse(); // 10 ms left (plus 9 earned) of the 30 a rewrite takes
  }

  @Test
  void underSustainedLoadARewriteOfTIsFollowedByAboutNineTOfJournalOnlyBatches() {
    RewritePolicy p = new RewritePolicy(10);
    p.rewrote(T, T.plusMillis(100)); // spends the 100 ms earned at once
    Instant end = T.plusMillis(200);

    p.rewrote(T.plusMillis(100), end); // 10 ms earned meanwhile - 100: 90 ms in debt

    assertThat(p.dueAt()).isEqualTo(end.plusMillis(1900)); // 190 ms to earn at 10%
    assertThat(p.due(end.plusMillis(1899))).isFalse();
    assertThat(p.due(end.plusMillis(1900))).isTrue();
  }

  @Test
  void aRewriteLongerThanTheShareOfASecondLeavesADebtOfAtMostTheCap() {
    RewritePolicy p = new RewritePolicy(10);
    Instant end = T.plusMillis(500);

    p.rewrote(T, end); // 100 ms saved up - 500: 400 ms in debt, bounded to 100

    assertThat(p.dueAt()).isEqualTo(end.plusMillis(2000)); // 200 ms to earn back at 10%, not 5 s
    assertThat(p.due(end.plusMillis(1999))).isFalse();
    assertThat(p.due(end.plusMillis(2000))).isTrue();
  }

  @Test
  void whenBatchesStopTheFileIsDueAQuietTimeAfterTheLastWhateverTheDebt() {
    RewritePolicy p = new RewritePolicy(10);
    Instant end = T.plusMillis(213); // the probe run's slow rewrite: due 1,403 ms later before
    p.rewrote(T, end);
    Instant last = end.plusMillis(5);

    p.journaled(last);

    assertThat(p.dueAt()).isEqualTo(last.plusMillis(213)); // quiet: the rewrite's own duration
    assertThat(p.dueOnTimer(last.plusMillis(212))).isFalse();
    assertThat(p.dueOnTimer(last.plusMillis(213))).isTrue();
    assertThat(p.due(last.plusMillis(213))).as("a batch still goes to the journal").isFalse();
  }

  @Test
  void whileBatchesKeepComingTheQuietTimeMovesWithThem() {
    RewritePolicy p = new RewritePolicy(10);
    p.rewrote(T, T.plusMillis(100)); // spends the 100 ms saved up: due 1 s later

    p.journaled(T.plusMillis(125));
    p.journaled(T.plusMillis(140));

    assertThat(p.dueAt()).isEqualTo(T.plusMillis(240)); // quiet: the rewrite's own 100 ms
    assertThat(p.dueOnTimer(T.plusMillis(239))).isFalse();
    assertThat(p.dueOnTimer(T.plusMillis(240))).isTrue();
  }

  @Test
  void aQuickRewriteCountsTheStreamStoppedAfterTwentyMilliseconds() {
    RewritePolicy p = new RewritePolicy(10);

    p.rewrote(T, T.plusMillis(3));

    assertThat(p.quiet()).isEqualTo(RewritePolicy.QUIET).isEqualTo(Duration.ofMillis(20));
  }

  @Test
  void theScheduleOfASustainedStreamKeepsRewritesNearTheirShare() {
    RewritePolicy p = new RewritePolicy(10);
    Duration took = Duration.ofMillis(30);
    Duration rewriting = Duration.ZERO;
    Instant t = T;
    Instant end = T.plusSeconds(20);
    Instant timer = Instant.MAX;
    while (t.isBefore(end)) { // a batch every 5 ms, each one's call returning at once
      if (!timer.isAfter(t) && p.dueOnTimer(timer)) {
        p.rewrote(timer, timer.plus(took));
        rewriting = rewriting.plus(took);
        timer = Instant.MAX;
      } else if (!timer.isAfter(t)) {
        timer = p.dueAt();
      }
      if (p.due(t)) {
        p.rewrote(t, t.plus(took));
        rewriting = rewriting.plus(took);
        t = t.plus(took);
      } else {
        p.journaled(t);
        timer = timer.equals(Instant.MAX) ? p.dueAt() : timer;
      }
      t = t.plusMillis(5);
    }

    double share = rewriting.toNanos() / (double) Duration.between(T, end).toNanos();
    assertThat(share).isBetween(0.09, 0.11);
  }

  @Test
  void aQuickRewriteLeavesTheNextBatchDueAtOnce() {
    RewritePolicy p = new RewritePolicy(10);

    p.rewrote(T, T.plusNanos(200_000)); // 0.2 ms, a small zone

    assertThat(p.due(T.plusMillis(2))).isTrue();
  }

  @Test
  void aShareOfOneHundredPercentRewritesOnEveryBatch() {
    RewritePolicy p = new RewritePolicy(100);

    p.rewrote(T, T.plusSeconds(5));

    assertThat(p.due(T.plusSeconds(5))).isTrue();
  }

  @Test
  void aClockThatDoesNotMoveMakesEveryRewriteDue() {
    RewritePolicy p = new RewritePolicy(10);

    p.rewrote(T, T);

    assertThat(p.due(T)).isTrue();
  }

  @Test
  void aShareOutsideOneToOneHundredIsRefused() {
    assertThatThrownBy(() -> new RewritePolicy(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rewrite share 0% (expected 1 to 100)");
  }
}
