package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.Failure;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves messages from sources through the phases of core.route to their settlement. Messages
 * with the same ordering key (record name) are processed one at a time in arrival order on one
 * virtual thread; other keys run in parallel. At most core.max_in_flight messages are in flight:
 * {@link #submit} blocks beyond that. Every message is settled exactly once, after its outcome
 * is durable. Build one with {@link RouterBuilder}.
 */
public final class Router {
  static final Logger LOG = LoggerFactory.getLogger("gordon.router");
  private final Clock clock;
  private final MetricRelay metrics;
  private final DeadLetterSink deadLetters;
  private final Semaphore permits;
  private final DedupWindow dedup;
  private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();
  private final AtomicInteger inFlightCount = new AtomicInteger();
  private final Object drained = new Object();
  private final RouterStats stats = new RouterStats();
  private final KeyedLanes<Flight> lanes;
  private Processor processor;
  private volatile boolean accepting = true;
  private volatile boolean aborting;

  Router(RouterBuilder b, Processor.Parts parts) {
    this.clock = b.clock;
    this.metrics = b.metrics;
    this.deadLetters = b.deadLetters;
    this.permits = new Semaphore(b.maxInFlight);
    this.dedup = new DedupWindow(b.clock, b.dedupWindow, 1_000_000);
    this.lanes = new KeyedLanes<>(f -> processor.process(f), Math.min(b.maxInFlight, 4096));
    this.processor = new Processor(this, parts, lanes);
  }

  /**
   * Takes a message in; blocks while max_in_flight messages are in flight. A message older than
   * {@code maxAge} (zero: no limit) is dead-lettered at once.
   */
  public void submit(EventMessage message, Delivery delivery, Duration maxAge)
      throws InterruptedException {
    if (!accepting) {
      delivery.settle(message.id(), new Outcome.Redeliver("service is shutting down"),
          message.history());
      return;
    }
    permits.acquire();
    if (!accepting) {
      permits.release();
      delivery.settle(message.id(), new Outcome.Redeliver("service is shutting down"),
          message.history());
      return;
    }
    Flight f = new Flight(message, delivery);
    metrics.incr(RouterMetrics.CONSUMED);
    stats.consumed.increment();
    if (dedup.seen(f.id) || inFlight.putIfAbsent(f.id, f) != null) {
      duplicate(f);
      return;
    }
    metrics.set(RouterMetrics.IN_FLIGHT, inFlightCount.incrementAndGet(), Map.of());
    Duration age = maxAge.isZero() ? Duration.ZERO
        : Duration.between(message.createdAt(), clock.instant());
    if (!maxAge.isZero() && age.compareTo(maxAge) > 0) {
      String reason = "message is " + seconds(age) + "s old, older than max_msg_age of "
          + seconds(maxAge) + "s";
      EventMessage m = message.withHistory(clock.instant(), "", reason);
      settle(f, park(m, reason, "", Optional.empty()), m);
      return;
    }
    lanes.submit(f.key, f);
  }

  /** Parks undecodable input, then settles it: dead-lettered, or redeliver if parking failed. */
  public void reject(String id, String payload, String reason, Map<String, String> attributes,
      Delivery delivery) {
    List<HistoryEntry> history = List.of(new HistoryEntry(clock.instant(), "", reason));
    Outcome o = parkLetter(new DeadLetter(id, clock.instant(), reason, "consume", "",
        Optional.empty(), Optional.of(payload), history, attributes), id);
    delivery.settle(id, o, history);
  }

  /** A context for source {@code name}, dead-lettering messages older than {@code maxAge}. */
  public io.gordon.api.plugin.SourceContext contextFor(String name, Duration maxAge) {
    return new RouterSourceContext(this, maxAge);
  }

  /** Stops intake: later submits are settled as redeliver at once. */
  public void stopIntake() {
    accepting = false;
  }

  /** Whether intake stopped. */
  public boolean stopping() {
    return !accepting;
  }

  /**
   * Stops intake, waits up to {@code timeout} for in-flight messages, then settles the rest as
   * redeliver. Returns the number of messages that had to be redelivered.
   */
  public int drain(Duration timeout) throws InterruptedException {
    stopIntake();
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      long left;
      while (inFlightCount.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(drained, left);
      }
    }
    aborting = true;
    processor.abort();
    int n = 0;
    for (Flight f : inFlight.values()) {
      EventMessage m = f.message.withHistory(clock.instant(), "",
          "not finished within shutdown_timeout of " + seconds(timeout) + "s");
      if (settle(f, new Outcome.Redeliver("service stopped before the message was done"), m)) {
        n++;
      }
    }
    return n;
  }

  /** Messages in flight now. */
  public int inFlight() {
    return inFlightCount.get();
  }

  /** Running totals, for /metrics when no Prometheus relay is active. */
  public Map<String, Long> stats() {
    return stats.snapshot(inFlightCount.get());
  }

  /** Publish requests waiting for a provider call (for tests and diagnostics). */
  int queuedChanges() {
    return processor.queuedChanges();
  }

  boolean aborting() {
    return aborting;
  }

  Clock clock() {
    return clock;
  }

  MetricRelay metrics() {
    return metrics;
  }

  RouterStats counters() {
    return stats;
  }

  private void duplicate(Flight f) {
    String reason = "duplicate of message id " + f.id + " already in flight or done";
    metrics.incr(RouterMetrics.DUPLICATE);
    stats.skipped.increment();
    EventMessage m = f.message.withHistory(clock.instant(), "", reason);
    LOG.info("[msg-{}] skipped: {}", f.id, reason);
    try {
      f.delivery.settle(f.id, new Outcome.Skipped(reason), m.history());
    } catch (RuntimeException e) {
      LOG.warn("[msg-{}] delivery callback threw", f.id, e);
    } finally {
      permits.release();
    }
  }

  /** Writes a dead letter for {@code m}; DeadLettered, or Redeliver when the sink failed. */
  Outcome park(EventMessage m, String reason, String plugin, Optional<String> payload) {
    return parkLetter(new DeadLetter(m.id(), clock.instant(), reason, m.phase(), plugin,
        Optional.of(m.event()), payload, m.history(), m.attributes()), m.id());
  }

  private Outcome parkLetter(DeadLetter letter, String id) {
    try {
      deadLetters.park(letter);
      metrics.incr(RouterMetrics.DEAD_LETTERED, Map.of("phase", letter.phase()));
      LOG.warn("[msg-{}] dead-lettered in phase {} (plugin {}): {}", id, letter.phase(),
          letter.plugin().isEmpty() ? "core" : letter.plugin(), letter.reason());
      return new Outcome.DeadLettered(letter.reason());
    } catch (RuntimeException e) {
      metrics.incr(RouterMetrics.DEAD_LETTER_FAILED);
      LOG.error("[msg-{}] dead-letter sink failed, message will be redelivered: {}", id,
          Failure.describe(e), e);
      return new Outcome.Redeliver("dead-letter sink failed: " + Failure.describe(e));
    }
  }

  /** Settles {@code f} once; returns false if it was already settled. */
  boolean settle(Flight f, Outcome outcome, EventMessage m) {
    if (!f.settled.compareAndSet(false, true)) {
      return false;
    }
    stats.count(outcome);
    if (outcome instanceof Outcome.Redeliver r) {
      metrics.incr(RouterMetrics.REDELIVERED, Map.of());
      LOG.warn("[msg-{}] to be redelivered: {}", f.id, r.reason());
    } else {
      dedup.remember(f.id);
    }
    try {
      f.delivery.settle(f.id, outcome, m.history());
    } catch (RuntimeException e) {
      LOG.warn("[msg-{}] delivery callback threw", f.id, e);
    }
    metrics.timing(RouterMetrics.FLIGHT_DURATION, Duration.ofNanos(System.nanoTime()
        - f.startNanos), Processor.SECONDS);
    inFlight.remove(f.id, f);
    int left = inFlightCount.decrementAndGet();
    metrics.set(RouterMetrics.IN_FLIGHT, left, Map.of());
    permits.release();
    if (left == 0 && !accepting) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
    return true;
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }
}
