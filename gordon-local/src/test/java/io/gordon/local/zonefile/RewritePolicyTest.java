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
  void afterARewriteOfTTheNextIsDueNineTAfterItEndedAtTenPercent() {
    RewritePolicy p = new RewritePolicy(10);

    p.rewrote(T, T.plusMillis(40));

    assertThat(p.dueAt()).isEqualTo(T.plusMillis(40 + 360));
    assertThat(p.due(T.plusMillis(399))).isFalse();
    assertThat(p.due(T.plusMillis(400))).isTrue();
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
