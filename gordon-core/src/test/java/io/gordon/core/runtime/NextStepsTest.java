package io.gordon.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every /readyz problem line ends with the operator's next step for its kind of component. */
class NextStepsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private final HealthRegistry health = new HealthRegistry(new MutableClock(T0), Duration.ZERO);

  private void down(String component, String reason) {
    health.register(component);
    health.started(component);
    health.down(component, reason);
  }

  @Test
  void eachKindOfComponentGetsItsOwnNextStep() {
    down("rfc2136 zone example.com.", "NOTAUTH: key gordon-key refused");
    down("dead-letter sink", "cannot write dead letters: No space left on device");
    down("janitor", "last janitor run at T: failed: AXFR refused");
    down("gcp.event_consumer", "subscription s does not exist");
    health.register("rfc2136.ownership");
    health.notReady("rfc2136.ownership", "deletions in zone example.com. are stopped");
    health.register("local.http");
    health.register("router");
    health.notReady("router", "shutting down");
    String since = ": failing since " + T0 + ": ";
    assertThat(health.problemsWithNextSteps())
        .containsExactly(
            "dead-letter sink"
                + since
                + "cannot write dead letters: No space left on device; next: make the dead-letter"
                + " destination writable (free space, permissions, the topic's credentials);"
                + " messages are redelivered meanwhile",
            "gcp.event_consumer"
                + since
                + "subscription s does not exist; next: fix what the reason names (the plugin"
                + " retries by itself; its docs list the causes)",
            "janitor"
                + since
                + "last janitor run at T: failed: AXFR refused; next: fix what the reason names,"
                + " check with bin/gordon janitor -c DIR --dry-run; the next run that ends well"
                + " clears this",
            "local.http: not started; next: wait for its start; if this lasts, the log says what"
                + " it waits for",
            "rfc2136 zone example.com."
                + since
                + "NOTAUTH: key gordon-key refused; next: check that the server (or file) of the"
                + " zone takes gordon's writes: up and reachable, the key allowed to update it,"
                + " space on the disk; changes are retried, none is lost",
            "rfc2136.ownership: deletions in zone example.com. are stopped; next: confirm the"
                + " deletions are wanted, then replay their dead letters (or raise"
                + " core.ownership.delete_threshold); deletions resume once the window slides"
                + " past",
            "router: shutting down; next: none, gordon is stopping");
    assertThat(health.problems())
        .contains("rfc2136 zone example.com." + since + "NOTAUTH: key gordon-key refused");
  }
}
