package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.Outcome;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import io.gordon.testing.fakes.RecordingMetricRelay;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RouterSkipAndBatchTest {
  private final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
  private final RecordingMetricRelay metrics = new RecordingMetricRelay();
  private final RecordingDelivery delivery = new RecordingDelivery();

  private Router router() {
    return RouterBuilder.create()
        .metrics(metrics)
        .provider("mem", dns)
        .deadLetters(new RecordingDeadLetterSink())
        .build();
  }

  @Test
  void eventOlderThanTheLastAppliedToTheSameNameIsSkipped() throws Exception {
    Router r = router();
    r.submit(
        Events.add("new", "www.example.com", "10.0.0.2", Events.T0.plusSeconds(60)),
        delivery,
        Duration.ZERO);
    r.submit(Events.add("old", "www.example.com", "10.0.0.1", Events.T0), delivery, Duration.ZERO);
    delivery.awaitCount(2, Duration.ofSeconds(10));

    assertThat(delivery.outcome("new")).isEqualTo(new Outcome.Applied());
    assertThat(delivery.outcome("old"))
        .isEqualTo(
            new Outcome.Skipped(
                "stale: www.example.com./A (event 2026-11-25T10:00:00Z is older than "
                    + "2026-11-25T10:01:00Z)"));
    assertThat(delivery.settlement("old").history())
        .extracting(h -> h.message())
        .contains("Updated phase from publish to cleanup");
    assertThat(dns.snapshot().get("www.example.com./A").rdata()).containsExactly("10.0.0.2");
    assertThat(metrics.count(RouterMetrics.STALE)).isEqualTo(1);
  }

  @Test
  void messageIdSeenAgainWithinTheWindowIsNotAppliedTwice() throws Exception {
    Router r = router();
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), delivery, Duration.ZERO);
    delivery.awaitCount(1, Duration.ofSeconds(10));
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), delivery, Duration.ZERO);

    assertThat(delivery.settlements())
        .extracting(s -> s.outcome())
        .containsExactly(
            new Outcome.Applied(),
            new Outcome.Skipped("duplicate of message id m1 already in flight or done"));
    assertThat(dns.batches()).hasSize(1);
    assertThat(metrics.count(RouterMetrics.DUPLICATE)).isEqualTo(1);
  }

  @Test
  void changesReadyTogetherGoToTheProviderInFewApplyCalls() throws Exception {
    CountDownLatch firstCall = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    InMemoryDnsProvider slow = new InMemoryDnsProvider("slow", "example.com");
    Router r =
        RouterBuilder.create()
            .deadLetters(new RecordingDeadLetterSink())
            .provider("slow", new BlockingProvider(slow, firstCall, release, calls))
            .build();
    r.submit(Events.add("first", "a0.example.com", "10.0.0.1"), delivery, Duration.ZERO);
    firstCall.await();
    for (int i = 1; i <= 300; i++) {
      r.submit(Events.add("m" + i, "a" + i + ".example.com", "10.0.0.1"), delivery, Duration.ZERO);
    }
    // Wait until every lane is parked waiting on the provider, then let the first call finish.
    org.awaitility.Awaitility.await().until(() -> slowQueued(r) >= 300);
    release.countDown();
    delivery.awaitCount(301, Duration.ofSeconds(20));

    assertThat(delivery.settlements()).allMatch(s -> s.outcome() instanceof Outcome.Applied);
    assertThat(calls.get()).isEqualTo(2);
    assertThat(slow.batches()).extracting(List::size).containsExactly(1, 300);
  }

  private static int slowQueued(Router r) {
    return r.queuedChanges();
  }

  /** Blocks the first apply until released, so that later changes queue up behind it. */
  private record BlockingProvider(
      InMemoryDnsProvider inner,
      CountDownLatch firstCall,
      CountDownLatch release,
      AtomicInteger calls)
      implements io.gordon.api.plugin.DnsProvider {
    @Override
    public java.util.Set<String> zones() {
      return inner.zones();
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      if (calls.incrementAndGet() == 1) {
        firstCall.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return inner.apply(changes);
    }

    @Override
    public java.util.Optional<io.gordon.api.model.RecordSet> read(
        String n, io.gordon.api.model.RecordType t) {
      return inner.read(n, t);
    }

    @Override
    public List<io.gordon.api.model.RecordSet> list(String zone) {
      return inner.list(zone);
    }
  }
}
