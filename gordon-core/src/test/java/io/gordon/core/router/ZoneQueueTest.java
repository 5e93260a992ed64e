package io.gordon.core.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.MetricRelay;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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

  /** One running call: the names it was given, released by the test. */
  private record Call(List<String> names, CompletableFuture<Void> release) {}

  /** A provider allowing {@code allowed} calls, each held until the test releases it. */
  private static final class HeldProvider implements DnsProvider {
    final int allowed;
    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();

    HeldProvider(int allowed) {
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
      Call call = new Call(changes.stream().map(Change::name).toList(), new CompletableFuture<>());
      calls.add(call);
      call.release().orTimeout(WAIT_S, TimeUnit.SECONDS).join();
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

    Call next() throws InterruptedException {
      Call c = calls.poll(WAIT_S, TimeUnit.SECONDS);
      assertThat(c).as("a call within %d s", WAIT_S).isNotNull();
      return c;
    }
  }

  private ZoneQueue start(DnsProvider p) {
    queue =
        new ZoneQueue(
            p,
            new ProviderCalls("held", "example.com.", MetricRelay.noop(), null),
            PublishStage.MAX_BATCH);
    queue.start();
    return queue;
  }

  private static Change replace(String label, RecordType type, String rdata) {
    return new Change.Replace(RecordSet.of(label + ".example.com.", type, 300, rdata));
  }

  private static ZoneQueue.Request request(CountDownLatch done, Change... changes) {
    return new ZoneQueue.Request(List.of(changes), (results, error) -> done.countDown());
  }

  private static String labels(Call c) {
    return c.names().stream()
        .map(n -> n.substring(0, n.indexOf('.')))
        .collect(Collectors.joining(","));
  }

  @Test
  void aRequestSharingANameWithARunningCallWaitsAndOneSharingANameWithItWaitsBehindIt()
      throws Exception {
    HeldProvider p = new HeldProvider(2);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(4);
    q.add(request(done, replace("a", RecordType.A, "10.0.0.1")));
    Call first = p.next();
    // An event with two records, one of them held by the running call; then one for its second
    // name only (must not overtake it), then one for a name nobody holds.
    q.add(
        request(
            done, replace("b", RecordType.A, "10.0.0.2"), replace("a", RecordType.TXT, "\"x\"")));
    q.add(request(done, replace("b", RecordType.A, "10.0.0.3")));
    q.add(request(done, replace("d", RecordType.A, "10.0.0.4")));
    Call second = p.next();
    assertThat(labels(second)).as("only the disjoint request goes").isEqualTo("d");
    assertThat(q.queued()).isEqualTo(2);
    assertThat(p.calls).isEmpty();
    first.release().complete(null);
    Call third = p.next();
    assertThat(labels(third)).as("the waiting requests, in order").isEqualTo("b,a,b");
    second.release().complete(null);
    third.release().complete(null);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
    assertThat(q.queued()).isZero();
  }

  @Test
  void aChangeToTheOwnerMarkerNameOfARunningClaimedChangeWaits() throws Exception {
    HeldProvider p = new HeldProvider(2);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(3);
    q.add(
        request(
            done, replace("www", RecordType.A, "10.0.0.1").withOwnership(Ownership.of("team-a"))));
    Call first = p.next();
    q.add(request(done, replace("_gordon-a-www", RecordType.TXT, "\"not a marker\"")));
    q.add(request(done, replace("mail", RecordType.A, "10.0.0.2")));
    Call second = p.next();
    assertThat(labels(second)).isEqualTo("mail");
    assertThat(q.queued()).isEqualTo(1);
    first.release().complete(null);
    Call third = p.next();
    assertThat(labels(third)).isEqualTo("_gordon-a-www");
    second.release().complete(null);
    third.release().complete(null);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aChangeToTheOwnerMarkerNameOfARunningChangeWaitsAlsoWhenTheChangeIsNotClaimedYet()
      throws Exception {
    // The ownership wrapper claims changes inside its apply, after the queue has seen them.
    HeldProvider p = new HeldProvider(2);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(3);
    q.add(request(done, replace("www", RecordType.A, "10.0.0.1")));
    Call first = p.next();
    q.add(request(done, replace("_gordon-a-www", RecordType.TXT, "\"not a marker\"")));
    q.add(request(done, replace("mail", RecordType.A, "10.0.0.2")));
    Call second = p.next();
    assertThat(labels(second)).isEqualTo("mail");
    assertThat(q.queued()).isEqualTo(1);
    first.release().complete(null);
    Call third = p.next();
    assertThat(labels(third)).isEqualTo("_gordon-a-www");
    second.release().complete(null);
    third.release().complete(null);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void waitingRequestsStillLetTheQueueCloseOnceTheyAreApplied() throws Exception {
    HeldProvider p = new HeldProvider(2);
    ZoneQueue q = start(p);
    CountDownLatch done = new CountDownLatch(2);
    q.add(request(done, replace("a", RecordType.A, "10.0.0.1")));
    Call first = p.next();
    q.add(
        request(
            done, replace("a", RecordType.A, "10.0.0.2"), replace("c", RecordType.A, "10.0.0.3")));
    q.close();
    assertThat(done.getCount()).isEqualTo(2);
    first.release().complete(null);
    Call second = p.next();
    assertThat(labels(second)).isEqualTo("a,c");
    second.release().complete(null);
    assertThat(done.await(WAIT_S, TimeUnit.SECONDS)).isTrue();
  }
}
