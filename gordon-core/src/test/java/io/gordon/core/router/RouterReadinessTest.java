package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.core.runtime.HealthRegistry;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.MutableClock;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Each state in which the router turns /readyz off, and how it comes back. */
class RouterReadinessTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final MutableClock clock = new MutableClock(Events.T0);
  private final HealthRegistry health = new HealthRegistry(clock, Duration.ofSeconds(30));
  private final InMemoryDnsProvider dns = new InMemoryDnsProvider("rfc2136", "example.com");
  private final RecordingDeadLetterSink letters = new RecordingDeadLetterSink();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final Router router =
      RouterBuilder.create()
          .clock(clock)
          .health(health)
          .provider("rfc2136", dns)
          .deadLetters(letters)
          .sleeper(d -> {})
          .retry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
          .build();

  private void send(String id, String ip) throws InterruptedException {
    int before = delivery.settlements().size();
    router.submit(Events.add(id, "www.example.com", ip, clock.instant()), delivery, Duration.ZERO);
    delivery.awaitCount(before + 1, WAIT);
  }

  private static ProviderException refused() {
    return new ProviderException(
        "rfc2136",
        "example.com.",
        "",
        "",
        false,
        "TSIG key 'gordon' rejected by 127.0.0.1:53: BADKEY",
        null);
  }

  @Test
  void refusedKeyTurnsReadinessOffAtOnceUntilAWriteSucceeds() throws Exception {
    dns.failChanges(c -> refused());
    send("m1", "10.0.0.1");
    assertThat(health.problems())
        .containsExactly(
            "rfc2136 zone example.com.: failing since "
                + "2026-11-25T10:00:00Z: last write failed: TSIG key 'gordon' rejected by "
                + "127.0.0.1:53: BADKEY");

    dns.failChanges(c -> null);
    send("m2", "10.0.0.2");
    assertThat(health.problems()).isEmpty();
    assertThat(health.summary()).containsEntry("rfc2136 zone example.com.", "ok");
  }

  @Test
  void providerCallThatThrowsAPermanentErrorTurnsReadinessOff() throws Exception {
    dns.failCalls(new PermanentException("zone file is on a read-only file system"));
    send("m1", "10.0.0.1");
    assertThat(health.problems())
        .containsExactly(
            "rfc2136 zone example.com.: failing since "
                + "2026-11-25T10:00:00Z: last write failed: zone file is on a read-only file system");
  }

  @Test
  void retriableProviderFailureTurnsReadinessOffOnlyAfterTheThreshold() throws Exception {
    dns.failCalls(new RetriableException("No space left on device"));
    send("m1", "10.0.0.1");
    assertThat(health.problems()).isEmpty();

    clock.advance(Duration.ofSeconds(31));
    assertThat(health.problems())
        .containsExactly(
            "rfc2136 zone example.com.: failing since "
                + "2026-11-25T10:00:00Z: last write failed: No space left on device");
  }

  @Test
  void aRefusedRecordLeavesReadinessOn() throws Exception {
    dns.failChanges(
        c ->
            new ProviderException(
                "rfc2136",
                "example.com.",
                c.name(),
                "A",
                false,
                "CNAME and other data at " + c.name(),
                null));
    send("m1", "10.0.0.1");
    assertThat(delivery.outcome("m1")).isInstanceOf(Outcome.DeadLettered.class);
    assertThat(health.problems()).isEmpty();
  }

  @Test
  void everyChangeRefusedInThreeCallsInARowTurnsReadinessOff() throws Exception {
    dns.failChanges(
        c ->
            new ProviderException(
                "rfc2136",
                "example.com.",
                c.name(),
                "A",
                false,
                "127.0.0.1:53 refused the update of " + c.name() + "/A (REFUSED)",
                null));
    send("m1", "10.0.0.1");
    send("m2", "10.0.0.2");
    assertThat(health.problems()).isEmpty();
    send("m3", "10.0.0.3");
    assertThat(health.problems())
        .containsExactly(
            "rfc2136 zone example.com.: failing since "
                + "2026-11-25T10:00:00Z: last write failed: 127.0.0.1:53 refused the update of "
                + "www.example.com./A (REFUSED)");

    dns.failChanges(c -> null);
    send("m4", "10.0.0.4");
    assertThat(health.problems()).isEmpty();
  }

  @Test
  void failingDeadLetterSinkTurnsReadinessOffUntilALetterIsWritten() throws Exception {
    letters.failWith("No space left on device");
    router.reject("raw-1", "{", "body is not JSON", java.util.Map.of(), delivery);
    assertThat(health.problems())
        .containsExactly(
            "dead-letter sink: failing since "
                + "2026-11-25T10:00:00Z: cannot write dead letters: No space left on device");

    letters.failWith(null);
    router.reject("raw-2", "{", "body is not JSON", java.util.Map.of(), delivery);
    assertThat(health.problems()).isEmpty();
  }
}
