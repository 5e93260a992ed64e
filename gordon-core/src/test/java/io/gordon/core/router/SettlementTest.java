package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.Outcome;
import io.gordon.testing.fakes.MutableClock;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingMetricRelay;
import io.gordon.testing.fakes.RecordingMetricRelay.Call;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettlementTest {
  private final MutableClock clock = new MutableClock(Events.T0);
  private final RecordingMetricRelay metrics = new RecordingMetricRelay();
  private final Settlement settlement =
      new Settlement(
          clock, metrics, new RecordingDeadLetterSink(), null, 10, Duration.ofMinutes(10), 2, 1);

  private void applied(String id) {
    Flight f = IdWindowTest.flight(id);
    assertThat(settlement.admit(f)).as("admit %s", id).isTrue();
    settlement.settle(f, new Outcome.Applied(), f.message);
  }

  @Test
  void idsForgottenAtTheBoundBeforeTheirWindowAreCounted() {
    applied("a");
    applied("b");
    assertThat(metrics.calls(RouterMetrics.DEDUP_FORGOTTEN)).isEmpty();
    applied("c");
    applied("d");
    assertThat(metrics.calls(RouterMetrics.DEDUP_FORGOTTEN))
        .extracting(Call::value)
        .containsExactly(1.0, 1.0);
    assertThat(settlement.admit(IdWindowTest.flight("a"))).as("a was forgotten").isTrue();
  }

  @Test
  void idsThatExpireAreNotCountedAsForgotten() {
    applied("a");
    applied("b");
    clock.advance(Duration.ofMinutes(10));
    applied("c");
    assertThat(metrics.calls(RouterMetrics.DEDUP_FORGOTTEN)).isEmpty();
  }
}
