package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.Failure;
import io.gordon.core.runtime.HealthRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.event.Level;

/**
 * The state the router and the message flow share: which messages are in flight (and the {@code
 * core.max_in_flight} permits they hold), which ids finished recently, the dead-letter sink, and
 * the one place where a message is settled, exactly once.
 */
final class Settlement {
  /** The readiness component of the dead-letter sink. */
  static final String SINK = "dead-letter sink";

  private static final Map<String, Map<String, String>> OUTCOME_ATTRS =
      Map.of(
          "applied",
          Map.of("outcome", "applied"),
          "skipped",
          Map.of("outcome", "skipped"),
          "dead-lettered",
          Map.of("outcome", "dead-lettered"),
          "redeliver",
          Map.of("outcome", "redeliver"));

  /** The last history entry of an applied message, made once (see {@link #historyText}). */
  private static final String APPLIED_TEXT = "outcome: " + new Outcome.Applied().state();

  /** Settled ids the dedup window holds at most: 16 minutes at 1,000 events/s, ~32 MB. */
  static final int MAX_SETTLED_IDS = 1_000_000;

  /**
   * Locks over the ids: enough that lane threads rarely meet on one, and that each shard's table
   * stays within {@link SettledIds#MAX_IDS} (7,812 or 7,813 ids each).
   */
  static final int ID_SHARDS = 128;

  private final Clock clock;
  private final MetricRelay metrics;
  private final DeadLetterSink deadLetters;
  private final HealthRegistry health;
  private final Semaphore permits;
  private final IdWindow ids;
  private final int maxSettledIds;
  private final AtomicInteger inFlightCount = new AtomicInteger();
  private final Object drained = new Object();
  private final QuietRepeats quiet = new QuietRepeats();
  private final Map<String, Map<String, String>> letterAttrs = new ConcurrentHashMap<>();
  final RouterStats stats = new RouterStats();
  private volatile boolean sinkFailing;
  private volatile long lastForgottenLog = Long.MIN_VALUE;

  Settlement(
      Clock clock,
      MetricRelay metrics,
      DeadLetterSink deadLetters,
      HealthRegistry health,
      int maxInFlight,
      Duration dedupWindow) {
    this(clock, metrics, deadLetters, health, maxInFlight, dedupWindow, MAX_SETTLED_IDS, ID_SHARDS);
  }

  /** With the dedup window's bound and shards given, for tests. */
  Settlement(
      Clock clock,
      MetricRelay metrics,
      DeadLetterSink deadLetters,
      HealthRegistry health,
      int maxInFlight,
      Duration dedupWindow,
      int maxSettledIds,
      int idShards) {
    this.clock = clock;
    this.metrics = metrics;
    this.deadLetters = deadLetters;
    this.health = health;
    this.permits = new Semaphore(maxInFlight);
    this.ids = new IdWindow(clock, dedupWindow, maxSettledIds, idShards);
    this.maxSettledIds = maxSettledIds;
  }

  Clock clock() {
    return clock;
  }

  MetricRelay metrics() {
    return metrics;
  }

  /** Takes a max_in_flight permit; blocks while none is free. */
  void acquire() throws InterruptedException {
    permits.acquire();
  }

  /** Gives back a permit taken for a message that was not admitted. */
  void release() {
    permits.release();
  }

  /** Registers {@code f} as in flight; false when its id is in flight or done recently. */
  boolean admit(Flight f) {
    return enter(f) == f;
  }

  /** See {@link IdWindow#enter}: {@code f}, the flight {@code f} copies, or null. */
  Flight enter(Flight f) {
    Flight holder = ids.enter(f);
    if (holder == f) {
      metrics.set(RouterMetrics.IN_FLIGHT, inFlightCount.incrementAndGet(), Map.of());
    }
    return holder;
  }

  /**
   * Answers a copy held while its original was in flight, as the original was answered: acked as a
   * duplicate when the original was, redelivered when it was (a copy acked while its original is
   * then redelivered would be a message acknowledged and never applied).
   */
  private void settleCopy(Flight c, Outcome original) {
    if (original.acknowledge()) {
      skipDuplicate(c);
      return;
    }
    Outcome.Redeliver again =
        new Outcome.Redeliver(
            "a copy of message id "
                + c.id
                + " arrived while it was in flight, and the original is to be redelivered");
    metrics.incr(RouterMetrics.SETTLED, OUTCOME_ATTRS.get(again.state()));
    try {
      c.delivery.settle(
          c.id, again, c.message.withHistory(clock.instant(), "", again.reason()).history());
    } catch (RuntimeException e) {
      Router.LOG.warn("[msg-{}] delivery callback threw", c.id, e);
    } finally {
      permits.release();
    }
  }

  /** Settles a message that was not admitted (a duplicate) as skipped. */
  void skipDuplicate(Flight f) {
    String reason = "duplicate of message id " + f.id + " already in flight or done";
    metrics.incr(RouterMetrics.DUPLICATE);
    metrics.incr(RouterMetrics.SETTLED, OUTCOME_ATTRS.get("skipped"));
    stats.skipped.increment();
    Router.LOG.info("[msg-{}] skipped: {}", f.id, reason);
    try {
      f.delivery.settle(
          f.id,
          new Outcome.Skipped(reason),
          f.message.withHistory(clock.instant(), "", reason).history());
    } catch (RuntimeException e) {
      Router.LOG.warn("[msg-{}] delivery callback threw", f.id, e);
    } finally {
      permits.release();
    }
  }

  /**
   * Writes a dead letter for {@code m}; DeadLettered, or Redeliver when the sink failed. {@code
   * category} is the low-cardinality reason for the metric, e.g. {@code max-msg-age}.
   */
  Outcome park(EventMessage m, String reason, String category, String plugin) {
    return park(
        new DeadLetter(
            m.id(),
            clock.instant(),
            reason,
            m.phase(),
            plugin,
            Optional.of(m.event()),
            Optional.empty(),
            m.history(),
            m.attributes()),
        category);
  }

  /** Writes {@code letter}; DeadLettered, or Redeliver when the sink failed. */
  Outcome park(DeadLetter letter, String category) {
    String id = letter.messageId();
    try {
      deadLetters.park(letter);
      metrics.incr(
          RouterMetrics.DEAD_LETTERED,
          letterAttrs.computeIfAbsent(
              letter.phase() + "/" + category,
              k -> Map.of("phase", letter.phase(), "reason", category)));
      Router.LOG.warn(
          "[msg-{}] dead-lettered in phase {} (plugin {}): {}",
          id,
          letter.phase(),
          letter.plugin().isEmpty() ? "core" : letter.plugin(),
          letter.reason());
      if (sinkFailing && health != null) {
        sinkFailing = false;
        health.reporter(SINK).healthy();
      }
      return new Outcome.DeadLettered(letter.reason());
    } catch (RuntimeException e) {
      metrics.incr(RouterMetrics.DEAD_LETTER_FAILED);
      Router.LOG.error(
          "[msg-{}] dead-letter sink failed, message will be redelivered: {}",
          id,
          Failure.describe(e),
          e);
      if (health != null) {
        sinkFailing = true;
        health.down(SINK, "cannot write dead letters: " + Failure.describe(e));
      }
      return new Outcome.Redeliver("dead-letter sink failed: " + Failure.describe(e));
    }
  }

  /** Settles {@code f} with {@code outcome} once; false if it was already settled. */
  boolean settle(Flight f, Outcome outcome, EventMessage m) {
    if (!f.settled.compareAndSet(false, true)) {
      return false;
    }
    stats.count(outcome);
    metrics.incr(RouterMetrics.SETTLED, OUTCOME_ATTRS.get(outcome.state()));
    if (outcome instanceof Outcome.Redeliver r) {
      metrics.incr(RouterMetrics.REDELIVERED, Map.of());
      quiet.log(
          Router.LOG, Level.WARN, "redeliver", "[msg-{}] to be redelivered: {}", f.id, r.reason());
    }
    // Out of the in-flight set before the source hears of it: a source may hand a redelivered
    // message straight back, and that must not count as a duplicate of itself.
    int forgotten = ids.finished(f, outcome.acknowledge());
    if (forgotten > 0) {
      forgotEarly(forgotten);
    }
    try {
      f.delivery.settle(f.id, outcome, m.history());
    } catch (RuntimeException e) {
      Router.LOG.warn("[msg-{}] delivery callback threw", f.id, e);
    }
    f.releaseCopies().forEach(c -> settleCopy(c, outcome));
    metrics.timing(
        RouterMetrics.FLIGHT_DURATION,
        Duration.ofNanos(System.nanoTime() - f.startNanos),
        RouterMetrics.SECONDS);
    int left = inFlightCount.decrementAndGet();
    metrics.set(RouterMetrics.IN_FLIGHT, left, Map.of());
    permits.release();
    if (left == 0) {
      synchronized (drained) {
        drained.notifyAll();
      }
    }
    return true;
  }

  /** Counts settled ids dropped at the bound before their window passed; logs once a minute. */
  private void forgotEarly(int n) {
    metrics.incr(RouterMetrics.DEDUP_FORGOTTEN, n, Map.of());
    long now = clock.millis();
    if (now - lastForgottenLog >= 60_000) {
      lastForgottenLog = now;
      Router.LOG.warn(
          "dedup window full: {} settled ids held, the oldest are forgotten before "
              + "core.dedup_window passes, so a late duplicate of one may be applied again",
          maxSettledIds);
    }
  }

  /** Waits until nothing is in flight or {@code timeout} passed. */
  void awaitDrained(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      long left;
      while (inFlightCount.get() > 0 && (left = deadline - System.nanoTime()) > 0) {
        TimeUnit.NANOSECONDS.timedWait(drained, left);
      }
    }
  }

  /** The messages in flight now. */
  List<Flight> unfinished() {
    return ids.inFlight();
  }

  int inFlight() {
    return inFlightCount.get();
  }

  /** The last history entry of a message: "outcome: applied", "outcome: skipped (why)". */
  static String historyText(Outcome o) {
    String reason =
        switch (o) {
          case Outcome.Applied a -> null;
          case Outcome.Skipped s -> s.reason();
          case Outcome.DeadLettered d -> d.reason();
          case Outcome.Redeliver r -> r.reason();
        };
    // The usual case made once: one string per message was ~3% of the publish path's allocation.
    return reason == null ? APPLIED_TEXT : "outcome: " + o.state() + " (" + reason + ")";
  }
}
