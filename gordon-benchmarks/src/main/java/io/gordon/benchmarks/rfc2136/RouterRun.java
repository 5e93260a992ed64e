package io.gordon.benchmarks.rfc2136;

import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives gordon's router (the core: ordering lanes, group commit per zone, settlement) with the
 * rfc2136 provider behind it. An event is "accepted" when {@link Router#submit} is called and
 * "acknowledged" when the router settles it, which happens after the server answered the UPDATE.
 */
final class RouterRun implements AutoCloseable {
  private final Router router;
  private final String zone;
  private final ConcurrentHashMap<String, Long> acceptedAt = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private volatile long[] latencies = new long[0];
  private final AtomicInteger settled = new AtomicInteger();
  private volatile CountDownLatch done = new CountDownLatch(0);
  private final Delivery delivery = this::settle;

  RouterRun(DnsProvider provider, String zone, int maxInFlight) {
    this.zone = zone;
    this.router =
        RouterBuilder.create()
            .clock(Clock.systemUTC())
            .maxInFlight(maxInFlight)
            .provider("rfc2136", provider)
            .deadLetters(new RecordingDeadLetterSink())
            .build();
  }

  private void settle(String id, Outcome outcome, java.util.List<?> history) {
    long now = System.nanoTime();
    Long start = acceptedAt.remove(id);
    if (!(outcome instanceof Outcome.Applied)) {
      failures.incrementAndGet();
    }
    int i = settled.getAndIncrement();
    if (start != null && i < latencies.length) {
      latencies[i] = now - start;
    }
    done.countDown();
  }

  /** Submits {@code n} events as fast as the router takes them; returns elapsed nanos. */
  long burst(String prefix, int n) throws InterruptedException {
    prepare(n);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      submit(prefix, i);
    }
    await(n);
    return System.nanoTime() - start;
  }

  /** Submits {@code n} events at {@code perSecond}; returns the sorted latencies in nanos. */
  long[] steady(String prefix, int n, int perSecond) throws InterruptedException {
    prepare(n);
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      submit(prefix, i);
    }
    await(n);
    long[] sorted = Arrays.copyOf(latencies, n);
    Arrays.sort(sorted);
    return sorted;
  }

  int failures() {
    return failures.get();
  }

  private void prepare(int n) {
    latencies = new long[n];
    settled.set(0);
    failures.set(0);
    done = new CountDownLatch(n);
  }

  private void submit(String prefix, int i) throws InterruptedException {
    var message = Workload.event(prefix, i, zone, java.time.Instant.now());
    acceptedAt.put(message.id(), System.nanoTime());
    router.submit(message, delivery, Duration.ZERO);
  }

  private void await(int n) throws InterruptedException {
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          "only " + settled.get() + " of " + n + " events settled within 10 minutes");
    }
  }

  @Override
  public void close() throws InterruptedException {
    router.stopIntake();
    router.drain(Duration.ofSeconds(10));
  }
}
