package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.Failure;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.core.runtime.Assembly.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.event.Level;

/**
 * Moves one message along core.route, on its key's lane, until it is settled:
 *
 * <ol>
 *   <li>{@link #run}: the lane hands the flight over; {@link #route} moves it to the next phase
 *       (counted, and written to its history) and gives it to that phase's {@link Stage}.
 *   <li>The stage reports one {@link Attempt}, at once (handlers) or later from its zone's thread
 *       (providers), which hands it back to the lane; meanwhile the lane is suspended: it takes no
 *       other message of that name, and no thread waits.
 *   <li>{@link #after} decides: {@code Done} goes on to the next phase; {@code Skipped} settles;
 *       {@code Failed} is retried after a backoff (the lane stays suspended, a timer resumes it),
 *       dead-lettered when retrying cannot help or core.retry.deadline has passed, or handed back
 *       to the source (redeliver) when the attempts run out.
 *   <li>Reaching {@code cleanup} runs the cleanup handler, if any, and settles as applied.
 * </ol>
 *
 * <p>Everything but the provider call runs on the lanes' workers: a zone's thread hands each result
 * back to its message's lane ({@link KeyedLanes#resume}), so that finishing messages (history,
 * settlement, metrics) is spread over the workers instead of serialised on the zone's thread;
 * measured: fewer, larger provider calls and more messages per CPU-second. How a flight ends (dead
 * letter, cleanup, settlement) is {@link FlightEnd}'s; when retrying stops, {@link RetryLimits}'.
 */
final class MessageFlow {
  static final String CLEANUP = "cleanup";
  private static final int MAX_HOPS = 32;
  private static final Object LEFT = new Object();
  private static final Outcome APPLIED = new Outcome.Applied();

  /** A step run when a suspended lane resumes; false when it suspended the lane again. */
  @FunctionalInterface
  interface Resume {
    boolean run();
  }

  /**
   * One try of one stage.
   *
   * @param stage the stage
   * @param input the message given to it
   * @param number 1 for the first try
   * @param unexpectedSeen whether an earlier try failed unexpectedly (a plugin bug)
   * @param t0 when the phase began, for its duration
   */
  private record Try(
      Stage stage, EventMessage input, int number, boolean unexpectedSeen, long t0) {}

  private final Settlement settlement;
  private final MetricRelay metrics;
  private final PhaseRoute route;
  private final FlightEnd end;
  private final RetryPolicy retry;
  private final RetryLimits limits;
  private final Delayer delayer;
  private final KeyedLanes<Flight> lanes;
  private final QuietRepeats quiet = new QuietRepeats();
  private final BooleanSupplier aborting;

  MessageFlow(
      Settlement settlement,
      PhaseRoute route,
      Optional<Named<MessageHandler>> cleanup,
      RetryPolicy retry,
      Delayer delayer,
      BooleanSupplier aborting,
      int maxWorkers) {
    this.settlement = settlement;
    this.metrics = settlement.metrics();
    this.route = route;
    this.retry = retry;
    this.limits = new RetryLimits(retry, aborting);
    this.delayer = delayer;
    this.aborting = aborting;
    this.lanes = new KeyedLanes<>(this::run, maxWorkers);
    this.end = new FlightEnd(settlement, route, cleanup, lanes);
  }

  /** Queues {@code f} behind the earlier messages of its key. */
  void start(Flight f) {
    lanes.submit(f.key, f);
  }

  /** Keys with messages queued or in progress. */
  int lanes() {
    return lanes.activeKeys();
  }

  /** Lane entry: true when the flight settled, false when it suspended its lane. */
  boolean run(Flight f) {
    Resume r = f.resume;
    f.resume = null;
    if (f.settled.get()) {
      return true;
    }
    try {
      return r != null ? r.run() : route(f, f.message);
    } catch (RuntimeException | Error e) {
      Router.LOG.error("[msg-{}] router failure, message will be redelivered", f.id, e);
      settlement.settle(
          f, new Outcome.Redeliver("router failure: " + Failure.describe(e)), f.message);
      return true;
    }
  }

  /** On the lane: moves {@code m} to its next phase and attempts it. */
  private boolean route(Flight f, EventMessage m) {
    if (aborting.getAsBoolean()) {
      settlement.settle(f, new Outcome.Redeliver("service is shutting down"), m);
      return true;
    }
    if (++f.hops > MAX_HOPS) {
      end.fail(
          f, m, "core.route loops: more than " + MAX_HOPS + " phase changes", "route-loop", "");
      return true;
    }
    PhaseRoute.Hop hop = route.from(f.id, m.phase());
    EventMessage next = hop.apply(m, settlement.clock().instant(), metrics);
    f.message = next;
    if (hop.to().equals(CLEANUP)) {
      metrics.incr(RouterMetrics.COMPLETED);
      end.finish(f, next, APPLIED);
      return true;
    }
    if (hop.stage() == null) {
      end.fail(
          f,
          next,
          "no plugin handles phase \""
              + hop.to()
              + "\" (core.route leads there from \""
              + m.phase()
              + "\")",
          "no-plugin",
          "");
      return true;
    }
    return attempt(f, new Try(hop.stage(), next, 1, false, System.nanoTime()));
  }

  /**
   * On the lane: attempts {@code t}. The stage's callback and this thread race for {@link
   * Flight#handoff}: a result that arrives before the stage returns is handled here, on the lane;
   * one that arrives later is handled by {@link #after} on the stage's thread.
   */
  private boolean attempt(Flight f, Try t) {
    f.handoff.set(null);
    boolean blocks = t.stage().blocks();
    if (blocks) {
      lanes.blockingBegins();
    }
    try {
      t.stage()
          .attempt(
              t.input(),
              a -> {
                if (!f.handoff.compareAndSet(null, a)) {
                  after(f, t, a, false);
                }
              });
    } finally {
      if (blocks) {
        lanes.blockingEnds();
      }
    }
    if (f.handoff.compareAndSet(null, LEFT)) {
      return false;
    }
    return after(f, t, (Attempt) f.handoff.get(), true);
  }

  /**
   * Acts on attempt {@code a} of {@code t}, on the flight's lane ({@code onLane}) or, for a result
   * that arrived later, on the stage's thread, which hands it to the lane. Returns true when the
   * lane is free again (the flight settled).
   */
  private boolean after(Flight f, Try t, Attempt a, boolean onLane) {
    if (!onLane) {
      // On the zone's thread: hand the result back to the lane, so that the zone's thread only
      // calls the provider and the messages are finished in parallel by the lane workers.
      f.resume = () -> after(f, t, a, true);
      lanes.resume(f.key, f);
      return false;
    }
    f.message = a.message();
    return switch (a) {
      case Attempt.Done d -> {
        phaseTiming(t);
        yield route(f, d.message());
      }
      case Attempt.Skipped s -> {
        phaseTiming(t);
        metrics.incr(RouterMetrics.STALE);
        metrics.incr(RouterMetrics.COMPLETED);
        Router.LOG.info("[msg-{}] skipped: {}", f.id, s.reason());
        end.finish(
            f,
            route.toCleanup(s.message(), settlement.clock().instant(), metrics),
            new Outcome.Skipped(s.reason()));
        yield true;
      }
      case Attempt.Failed x -> !retryOrFail(f, t, x);
    };
  }

  /** After a failed try: schedules the next one (true) or settles the flight (false). */
  private boolean retryOrFail(Flight f, Try t, Attempt.Failed a) {
    String plugin = t.stage().plugin();
    String phase = t.stage().phase();
    Failure kind = a.kind();
    String what = a.what();
    boolean unexpected = kind == Failure.UNEXPECTED;
    if (unexpected) {
      Router.LOG.warn(
          "[msg-{}] plugin {} threw an unexpected exception in phase {}: {}",
          f.id,
          plugin,
          phase,
          what,
          a.error());
      if (t.unexpectedSeen()) {
        kind = Failure.PERMANENT;
        what = "plugin " + plugin + " failed twice unexpectedly: " + what;
      }
    }
    String cls = a.error().getClass().getSimpleName();
    Instant now = settlement.clock().instant();
    EventMessage m = a.message();
    if (kind == Failure.PERMANENT) {
      phaseTiming(t);
      end.dropped(cls);
      end.fail(
          f,
          m.withHistory(now, plugin, "failed: " + what),
          what,
          unexpected ? "unexpected-error" : "permanent-error",
          plugin);
      return false;
    }
    String stop = limits.whyStop(m, phase, t.number(), what, now);
    if (stop != null) {
      phaseTiming(t);
      end.dropped(cls);
      EventMessage last = m.withHistory(now, plugin, stop);
      if (stop.startsWith("still failing")) {
        end.fail(f, last, stop, "retry-deadline", plugin);
      } else {
        end.finish(f, route.toCleanup(last, now, metrics), new Outcome.Redeliver(stop));
      }
      return false;
    }
    Duration delay = retry.backoff(t.number(), Failure.retryAfter(a.error()));
    EventMessage again = m.withHistory(now, plugin, limits.retrying(t.number(), what, delay));
    metrics.incr(RouterMetrics.RETRIED, Map.of("phase", phase, "plugin", plugin));
    quiet.log(
        Router.LOG,
        Level.INFO,
        "retry/" + phase + "/" + plugin,
        "[msg-{}] phase {} (plugin {}) failed, retry {} in {}s: {}",
        f.id,
        phase,
        plugin,
        t.number(),
        Router.seconds(delay),
        what);
    f.message = again;
    Try next = new Try(t.stage(), again, t.number() + 1, t.unexpectedSeen() || unexpected, t.t0());
    f.resume = () -> attempt(f, next);
    delayer.later(delay, () -> lanes.resume(f.key, f));
    return true;
  }

  private void phaseTiming(Try t) {
    metrics.timing(
        RouterMetrics.PHASE_DURATION,
        Duration.ofNanos(System.nanoTime() - t.t0()),
        route.timingAttrs(t.stage().phase()));
  }

  /** Stops the stages' threads and the retry timer. */
  void close() {
    delayer.close();
    route.close();
  }
}
