package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes messages in from sources and sees each one settled exactly once. The path of a message:
 *
 * <ol>
 *   <li>{@link #submit} (first receipt: the intake rules apply) or {@link #resubmit} (a message
 *       accepted before: they do not) takes a core.max_in_flight permit, blocking when none is
 *       free, and skips an id already in flight or done within core.dedup_window.
 *   <li>Intake rules: an event timestamped further ahead than core.max_clock_skew, or a message
 *       older than its source's max_msg_age, is dead-lettered at once. This is the only place where
 *       the age of a message matters; an accepted message is retried until core.retry.deadline
 *       instead.
 *   <li>{@link MessageFlow} runs the message along core.route on its name's lane (one message per
 *       name at a time, in arrival order) and settles it through {@link Settlement}.
 * </ol>
 *
 * Build one with {@link RouterBuilder}.
 */
public final class Router {
  static final Logger LOG = LoggerFactory.getLogger("gordon.router");
  private final Settlement settlement;
  private final MessageFlow flow;
  private final PhaseRoute route;
  private final Duration maxClockSkew;
  private volatile boolean accepting = true;
  private volatile boolean aborting;

  Router(Settlement settlement, PhaseRoute route, RouterBuilder b) {
    this.settlement = settlement;
    this.route = route;
    this.maxClockSkew = b.maxClockSkew;
    this.flow =
        new MessageFlow(
            settlement,
            route,
            b.cleanup(),
            b.retry,
            b.sleeper != null ? Delayer.of(b.sleeper) : Delayer.timer(),
            () -> aborting,
            Math.min(b.maxInFlight, 4096));
    route.start();
  }

  /**
   * Takes in a message received for the first time; blocks while max_in_flight messages are in
   * flight. A message older than {@code maxAge} (zero: no limit) or with a timestamp too far ahead
   * is dead-lettered at once.
   */
  public void submit(EventMessage message, Delivery delivery, Duration maxAge)
      throws InterruptedException {
    intake(message, delivery, maxAge, "");
  }

  /** Takes back a message accepted before: no age or clock-skew rule, see {@link SourceContext}. */
  public void resubmit(EventMessage message, Delivery delivery) throws InterruptedException {
    Flight f = admit(message, delivery);
    if (f != null) {
      start(f);
    }
  }

  void intake(EventMessage message, Delivery delivery, Duration maxAge, String source)
      throws InterruptedException {
    Flight f = admit(message, delivery);
    if (f == null) {
      return;
    }
    Instant now = settlement.clock().instant();
    Optional<Instant> at = message.event().timestamp();
    if (at.isPresent() && at.get().isAfter(now.plus(maxClockSkew))) {
      refuse(
          f,
          "event timestamp "
              + at.get()
              + " is "
              + seconds(Duration.between(now, at.get()))
              + "s ahead of this host's clock "
              + now
              + ", more than core.max_clock_skew of "
              + seconds(maxClockSkew)
              + "s",
          "clock-skew",
          now);
      return;
    }
    Duration age = Duration.between(message.createdAt(), now);
    if (!maxAge.isZero() && age.compareTo(maxAge) > 0) {
      settlement
          .metrics()
          .incr(
              RouterMetrics.MSG_TOO_OLD,
              Map.of("plugin", source, "msg_id", f.id, "msg_age", seconds(age)));
      refuse(
          f,
          "message is "
              + seconds(age)
              + "s old, older than max_msg_age of "
              + seconds(maxAge)
              + "s",
          "max-msg-age",
          now);
      return;
    }
    start(f);
  }

  private Flight admit(EventMessage message, Delivery delivery) throws InterruptedException {
    if (!accepting) {
      delivery.settle(
          message.id(), new Outcome.Redeliver("service is shutting down"), message.history());
      return null;
    }
    settlement.acquire();
    if (!accepting) {
      settlement.release();
      delivery.settle(
          message.id(), new Outcome.Redeliver("service is shutting down"), message.history());
      return null;
    }
    Flight f = new Flight(message, delivery);
    settlement.metrics().incr(RouterMetrics.CONSUMED);
    settlement.stats.consumed.increment();
    for (; ; ) {
      Flight holder = settlement.enter(f);
      if (holder == f) {
        return f;
      }
      if (holder == null) {
        settlement.skipDuplicate(f);
        return null;
      }
      if (holder.hold(f)) {
        // Acked now, the copy would leave nothing to redeliver if the original then fails.
        LOG.info("[msg-{}] a copy arrived while the message is in flight; answered with it", f.id);
        return null;
      }
      // the holder settled meanwhile: its id is now remembered, or forgotten when redelivered
    }
  }

  private void start(Flight f) {
    flow.start(f);
    settlement.metrics().set(RouterMetrics.LANES, flow.lanes(), Map.of());
  }

  private void refuse(Flight f, String reason, String category, Instant now) {
    EventMessage m = f.message.withHistory(now, "", reason);
    settlement.settle(f, settlement.park(m, reason, category, ""), m);
  }

  /** Parks undecodable input, then settles it: dead-lettered, or redeliver if parking failed. */
  public void reject(
      String id, String payload, String reason, Map<String, String> attributes, Delivery delivery) {
    Instant now = settlement.clock().instant();
    List<HistoryEntry> history = List.of(new HistoryEntry(now, "", reason));
    Outcome o =
        settlement.park(
            new DeadLetter(
                id,
                now,
                reason,
                "consume",
                "",
                Optional.empty(),
                Optional.of(payload),
                history,
                attributes),
            "invalid-input");
    delivery.settle(id, o, history);
  }

  /**
   * The context of a source whose messages may be {@code maxAge} old at intake; {@code name} is the
   * {@code plugin} attribute of the metrics counted for it ({@code msg-too-old}).
   */
  public SourceContext contextFor(String name, Duration maxAge) {
    return new RouterSourceContext(this, name, maxAge);
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
    settlement.awaitDrained(timeout);
    aborting = true;
    int n = 0;
    for (Flight f : settlement.unfinished()) {
      EventMessage m =
          f.message.withHistory(
              settlement.clock().instant(),
              "",
              "not finished within shutdown_timeout of " + seconds(timeout) + "s");
      if (settlement.settle(
          f, new Outcome.Redeliver("service stopped before the message was " + "done"), m)) {
        n++;
      }
    }
    flow.close();
    return n;
  }

  /** Messages in flight now. */
  public int inFlight() {
    return settlement.inFlight();
  }

  /** Running totals, for /metrics when no Prometheus relay is active. */
  public Map<String, Long> stats() {
    return settlement.stats.snapshot(settlement.inFlight());
  }

  /** Publish requests waiting for a provider call (for tests and diagnostics). */
  int queuedChanges() {
    return route.queuedChanges();
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }
}
