package io.gordon.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.HealthReporter;
import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The reporter's "down": not ready at once, before and after the plugin's start. */
class HealthRegistryTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private final MutableClock clock = new MutableClock(T0);
  private final HealthRegistry health = new HealthRegistry(clock, Duration.ofSeconds(30));

  @Test
  void aPluginDownBeforeItsStartStaysNotReadyAfterItUntilItReportsHealthy() {
    HealthReporter source = health.register("pubsub");
    source.down("not consuming yet: waiting for subscription s");
    health.started("pubsub");
    assertThat(health.problems())
        .containsExactly(
            "pubsub: failing since " + T0 + ": not consuming yet: waiting for subscription s");
    source.healthy();
    assertThat(health.problems()).isEmpty();
  }

  @Test
  void downIsNotReadyAtOnceWhereUnhealthyWaitsForTheThreshold() {
    HealthReporter source = health.register("pubsub");
    health.started("pubsub");
    source.unhealthy("flaky");
    assertThat(health.problems()).isEmpty();
    source.down("subscription s does not exist");
    assertThat(health.problems())
        .containsExactly("pubsub: failing since " + T0 + ": subscription s does not exist");
  }
}
