package io.gordon.local.zonefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void aRewriteLongerThanTheShareOfASecondIsDueOnceTheSavedUpCreditIsBack() {
    RewritePolicy p = new RewritePolicy(10);
    Instant end = T.plusMillis(500);

    p.rewrote(T, end); // 100 ms saved up - 500: 400 ms in debt

    assertThat(p.dueAt()).isEqualTo(end.plusMillis(5000)); // 500 ms to earn back at 10%: 9T
    assertThat(p.due(end.plusMillis(4999))).isFalse();
    assertThat(p.due(end.plusMillis(5000))).isTrue();
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
