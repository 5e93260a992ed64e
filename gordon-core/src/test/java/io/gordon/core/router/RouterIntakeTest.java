package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.RetriableException;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.MutableClock;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import io.gordon.testing.fakes.RecordingMetricRelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The age and clock-skew rules apply once, at intake; accepted messages are only retried. */
class RouterIntakeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final Duration MAX_AGE = Duration.ofMinutes(5);
  private final MutableClock clock = new MutableClock(Events.T0.plusSeconds(1));
  private final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
  private final RecordingDeadLetterSink letters = new RecordingDeadLetterSink();
  private final RecordingMetricRelay metrics = new RecordingMetricRelay();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  private Router router() {
    // Each retry wait moves the clock on by 2 minutes: an outage of many minutes, in no time.
    return RouterBuilder.create()
        .clock(clock)
        .metrics(metrics)
        .provider("mem", dns)
        .deadLetters(letters)
        .sleeper(
            d -> {
              sleeps.add(d);
              clock.advance(Duration.ofMinutes(2));
            })
        .retry(
            new RetryPolicy(
                3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(30)))
        .build();
  }

  @Test
  void providerOutageLongerThanMaxMsgAgeLosesNothing() throws Exception {
    for (int i = 0; i < 7; i++) {
      dns.failCalls(new RetriableException("server unreachable"));
    }
    SourceContext source = router().contextFor("t.source", MAX_AGE);
    Redelivering redelivering = new Redelivering(source);
    source.submit(Events.add("m1", "www.example.com", "10.0.0.1"), redelivering);
    delivery.awaitCount(1, WAIT);

    assertThat(delivery.outcome("m1")).isEqualTo(new Outcome.Applied());
    assertThat(redelivering.redeliveries).isEqualTo(2);
    assertThat(Duration.between(Events.T0, clock.instant())).isGreaterThan(MAX_AGE.multipliedBy(2));
    assertThat(letters.letters()).isEmpty();
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.1");
  }

  @Test
  void acceptedMessageIsDeadLetteredOnlyAfterTheRetryDeadline() throws Exception {
    dns.failChanges(c -> new RetriableException("server unreachable"));
    SourceContext source = router().contextFor("t.source", MAX_AGE);
    source.submit(Events.add("m1", "www.example.com", "10.0.0.1"), new Redelivering(source));
    delivery.awaitCount(1, WAIT);

    Outcome o = delivery.outcome("m1");
    assertThat(o).isInstanceOf(Outcome.DeadLettered.class);
    assertThat(((Outcome.DeadLettered) o).reason())
        .startsWith(
            "still failing after the retry deadline of 1800.000s (created 2026-11-25T10:00:00Z): "
                + "server unreachable");
    assertThat(metrics.calls(RouterMetrics.DEAD_LETTERED))
        .extracting(c -> c.context())
        .containsExactly(Map.of("phase", "publish", "reason", "retry-deadline"));
  }

  @Test
  void resubmittedMessageOlderThanMaxMsgAgeIsApplied() throws Exception {
    clock.advance(Duration.ofHours(1));
    router()
        .contextFor("t.source", MAX_AGE)
        .resubmit(Events.add("m1", "www.example.com", "10.0.0.1"), delivery);
    delivery.awaitCount(1, WAIT);
    assertThat(delivery.outcome("m1")).isEqualTo(new Outcome.Applied());
  }

  @Test
  void newMessageOlderThanMaxMsgAgeIsDeadLetteredAtIntakeWithTheOriginalMetric() throws Exception {
    clock.advance(Duration.ofMinutes(10));
    router()
        .contextFor("t.source", MAX_AGE)
        .submit(Events.add("m1", "www.example.com", "10.0.0.1"), delivery);

    assertThat(delivery.outcome("m1"))
        .isEqualTo(
            new Outcome.DeadLettered(
                "message is 601.000s old, older than max_msg_age of 300.000s"));
    assertThat(metrics.calls(RouterMetrics.MSG_TOO_OLD))
        .extracting(c -> c.context())
        .containsExactly(Map.of("plugin", "t.source", "msg_id", "m1", "msg_age", "601.000"));
    assertThat(dns.batches()).isEmpty();
  }

  @Test
  void timestampTooFarAheadIsRefusedAtIntake() throws Exception {
    Instant future = Instant.parse("2099-01-01T00:00:00Z");
    router()
        .contextFor("t.source", MAX_AGE)
        .submit(Events.add("m1", "www.example.com", "10.0.0.1", future), delivery);

    assertThat(delivery.outcome("m1"))
        .isEqualTo(
            new Outcome.DeadLettered(
                "event timestamp 2099-01-01T00:00:00Z is 2275307999.000s ahead of this host's clock "
                    + "2026-11-25T10:00:01Z, more than core.max_clock_skew of 300.000s"));
    assertThat(letters.letters().get(0).reason()).contains("core.max_clock_skew");
    assertThat(dns.batches()).isEmpty();
  }

  @Test
  void timestampWithinTheSkewIsAccepted() throws Exception {
    router()
        .contextFor("t.source", MAX_AGE)
        .submit(
            Events.add("m1", "www.example.com", "10.0.0.1", clock.instant().plusSeconds(299)),
            delivery);
    delivery.awaitCount(1, WAIT);
    assertThat(delivery.outcome("m1")).isEqualTo(new Outcome.Applied());
  }

  @Test
  void farFutureTimestampAcceptedEarlierDoesNotMakeLaterEventsStale() throws Exception {
    Router r = router();
    r.resubmit(
        Events.add("m2099", "www.example.com", "10.0.0.1", Instant.parse("2099-01-01T00:00:00Z")),
        delivery);
    delivery.awaitCount(1, WAIT);
    r.submit(Events.add("m2", "www.example.com", "10.0.0.2", clock.instant()), delivery, MAX_AGE);
    delivery.awaitCount(2, WAIT);

    assertThat(delivery.outcome("m2")).isEqualTo(new Outcome.Applied());
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.2");
  }

  /** A source that, like the spool or Pub/Sub, hands a nacked message back as accepted. */
  private final class Redelivering implements Delivery {
    private final SourceContext source;
    volatile int redeliveries;

    Redelivering(SourceContext source) {
      this.source = source;
    }

    @Override
    public void settle(String id, Outcome outcome, List<io.gordon.api.model.HistoryEntry> h) {
      if (outcome.acknowledge()) {
        delivery.settle(id, outcome, h);
        return;
      }
      redeliveries++;
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  source.resubmit(Events.add(id, "www.example.com", "10.0.0.1"), this);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              });
    }
  }
}
