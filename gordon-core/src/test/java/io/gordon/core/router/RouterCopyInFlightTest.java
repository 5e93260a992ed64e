package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.ProviderException;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.testing.fakes.InMemoryDnsProvider;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import io.gordon.testing.fakes.RecordingDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * A source may hand the router a copy of a message still in flight (Pub/Sub redelivers when a lease
 * lapses, Kafka after a rebalance): the copy is answered only once the original is, and the same
 * way, so that an acknowledged copy never hides an original that is then redelivered.
 */
class RouterCopyInFlightTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private final InMemoryDnsProvider dns = new InMemoryDnsProvider("mem", "example.com");
  private final CountDownLatch applying = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private final RecordingDelivery original = new RecordingDelivery();
  private final RecordingDelivery copy = new RecordingDelivery();

  private Router router() {
    return RouterBuilder.create()
        .provider("mem", new Gate())
        .deadLetters(new RecordingDeadLetterSink())
        .retry(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .build();
  }

  @Test
  void aCopyOfAnAppliedMessageIsAckedAsADuplicateOnlyAfterTheOriginal() throws Exception {
    Router r = router();
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), original, Duration.ZERO);
    applying.await();
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), copy, Duration.ZERO);

    assertThat(copy.settlements()).as("answered while the original is in flight").isEmpty();
    release.countDown();
    original.awaitCount(1, WAIT);
    copy.awaitCount(1, WAIT);
    assertThat(original.outcome("m1")).isEqualTo(new Outcome.Applied());
    assertThat(copy.outcome("m1"))
        .isEqualTo(new Outcome.Skipped("duplicate of message id m1 already in flight or done"));
    assertThat(dns.batches()).hasSize(1);
  }

  @Test
  void aCopyOfAMessageThatIsRedeliveredIsRedeliveredToo() throws Exception {
    dns.failChanges(
        c ->
            new ProviderException(
                "mem", "example.com.", c.name(), "A", true, "503 from server", null));
    Router r = router();
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), original, Duration.ZERO);
    applying.await();
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), copy, Duration.ZERO);
    release.countDown();
    original.awaitCount(1, WAIT);
    copy.awaitCount(1, WAIT);

    assertThat(original.outcome("m1")).isInstanceOf(Outcome.Redeliver.class);
    assertThat(copy.outcome("m1"))
        .isEqualTo(
            new Outcome.Redeliver(
                "a copy of message id m1"
                    + " arrived while it was in flight, and the original is to be redelivered"));
  }

  @Test
  void aMessageSeenAgainAfterItsOriginalWasRedeliveredIsAppliedAgain() throws Exception {
    dns.failCalls(
        new ProviderException(
            "mem", "example.com.", "www.example.com.", "A", true, "503 from server", null));
    release.countDown();
    Router r = router();
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), original, Duration.ZERO);
    original.awaitCount(1, WAIT);
    r.submit(Events.add("m1", "www.example.com", "10.0.0.1"), copy, Duration.ZERO);
    copy.awaitCount(1, WAIT);

    assertThat(original.outcome("m1")).isInstanceOf(Outcome.Redeliver.class);
    assertThat(copy.outcome("m1")).isEqualTo(new Outcome.Applied());
  }

  /** Holds every apply until released, so that a copy arrives while the original is in it. */
  private final class Gate implements DnsProvider {
    @Override
    public Set<String> zones() {
      return dns.zones();
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      applying.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return dns.apply(changes);
    }

    @Override
    public Optional<RecordSet> read(String name, RecordType type) {
      return dns.read(name, type);
    }

    @Override
    public List<RecordSet> list(String zone) {
      return dns.list(zone);
    }
  }
}
