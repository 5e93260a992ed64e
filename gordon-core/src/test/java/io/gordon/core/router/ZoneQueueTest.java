package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.MetricRelay;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ZoneQueueTest {
  private static final long WAIT_S = 10;
  private ZoneQueue queue;

  @AfterEach
  void close() {
    if (queue != null) {
      queue.close();
    }
  }

  /** A provider whose calls each wait for a permit, counting how many run at once. */
  private static final class GatedProvider implements DnsProvider {
    final int allowed;
    final Semaphore gate = new Semaphore(0);
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final Semaphore entered = new Semaphore(0);
    final ConcurrentLinkedQueue<Integer> callSizes = new ConcurrentLinkedQueue<>();

    GatedProvider(int allowed) {
      this.allowed = allowed;
    }

    @Override
    public int maxConcurrentApplies() {
      return allowed;
    }

    @Override
    public Set<String> zones() {
      return Set.of("example.com.");
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      callSizes.add(changes.size());
      entered.release();
      try {
        if (!gate.tryAcquire(WAIT_S, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test never opened the gate");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      return changes.stream().<ChangeResult>map(ChangeResult.Applied::new).toList();
    }

    @Override
    public Optional<RecordSet> read(String name, RecordType type) {
      return Optional.empty();
    }

    @Override
    public List<RecordSet> list(String zone) {
      return List.of();
    }
  }

  private ZoneQueue start(GatedProvider p) {
    queue =
        new ZoneQueue(
            p,
            new ProviderCalls("gated", "example.com.", MetricRelay.noop(), null),
            PublishStage.MAX_BATCH);
    queue.start();
    return queue;
  }

  private static ZoneQueue.Request request(String name, CountDownLatch done) {
    Change c =
        new Change.Replace(RecordSet.of(name + ".example.com.", RecordType.A, 300, "10.0.0.1"));
    return new ZoneQueue.Request(List.of(c), (results, error) -> done.countDown());
  }

  @Test
  void aProviderThatAllowsTwoCallsGetsASecondCallWhileTheFirstRuns() throws Exception {
    GatedProvider p = new GatedProvider(2);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(4);
    q.add(request("a", done));
    assertThat(p.entered.tryAcquire(WAIT_S, TimeUnit.SECONDS)).as("first call").isTrue();
    q.add(request("b", done));
    assertThat(p.entered.tryAcquire(WAIT_S, TimeUnit.SECONDS))
        .as("second call started while the first is held")
        .isTrue();
    assertThat(p.running.get()).isEqualTo(2);
    // Both slots busy: the next requests wait, and then go together in one call.
    q.add(request("c", done));
    q.add(request("d", done));
    assertThat(q.queued()).isEqualTo(2);
    p.gate.release(3);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
    assertThat(p.maxRunning.get()).isEqualTo(2);
    assertThat(p.callSizes).containsExactly(1, 1, 2);
  }

  @Test
  void aProviderThatAllowsOneCallNeverGetsTwoAtOnce() throws Exception {
    GatedProvider p = new GatedProvider(1);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(3);
    q.add(request("a", done));
    assertThat(p.entered.tryAcquire(WAIT_S, TimeUnit.SECONDS)).as("first call").isTrue();
    q.add(request("b", done));
    q.add(request("c", done));
    // The queue's only thread is inside the first call: nothing else can be taken. A queue
    // that called again would have done so within this pause.
    Thread.sleep(200);
    assertThat(q.queued()).isEqualTo(2);
    assertThat(p.entered.availablePermits()).isZero();
    p.gate.release(2);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
    assertThat(p.maxRunning.get()).isEqualTo(1);
    assertThat(p.callSizes).containsExactly(1, 2);
  }

  @Test
  void aValueBelowOneMeansOneCallAtATime() throws Exception {
    GatedProvider p = new GatedProvider(0);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(2);
    q.add(request("a", done));
    assertThat(p.entered.tryAcquire(WAIT_S, TimeUnit.SECONDS)).isTrue();
    q.add(request("b", done));
    assertThat(q.queued()).isEqualTo(1);
    p.gate.release(2);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
    assertThat(p.maxRunning.get()).isEqualTo(1);
  }
}
