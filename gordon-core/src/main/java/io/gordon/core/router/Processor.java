package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.Failure;
import io.gordon.core.delivery.StageRunner;
import io.gordon.core.delivery.Verdict;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.slf4j.MDC;

/**
 * Drives one message through its phases on its key's lane: each phase change is counted and
 * appended to the history, each stage runs under the failure rules of {@link StageRunner}, and
 * the final phase {@code cleanup} calls the cleanup handler, if any, then settles.
 *
 * <p>The first attempt of a publish phase is asynchronous: the lane is suspended (no worker
 * waits) until the provider batch completes; the batch thread then finishes the message, or
 * hands retries back to the lane.
 */
final class Processor {
  static final String CLEANUP = "cleanup";
  static final Map<String, String> SECONDS = Map.of("unit", "seconds");
  private static final int MAX_HOPS = 32;

  /** A continuation run when a suspended lane resumes. */
  @FunctionalInterface
  interface Step {
    boolean run() throws InterruptedException;
  }

  /**
   * What the processor runs.
   *
   * @param route phase to next phase
   * @param stages phase to stage (cleanup excluded)
   * @param cleanup the cleanup handler, if any, with its plugin name
   * @param runner the retry runner
   * @param abort counted down when the shutdown timeout passed (wakes retry sleeps)
   */
  record Parts(Map<String, String> route, Map<String, Stage> stages,
      Optional<Map.Entry<String, MessageHandler>> cleanup, StageRunner runner,
      CountDownLatch abort) {}

  private final Router router;
  private final Parts parts;
  private final KeyedLanes<Flight> lanes;
  private final Map<String, Map<String, Hop>> hops = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> phaseContexts = new ConcurrentHashMap<>();

  Processor(Router router, Parts parts, KeyedLanes<Flight> lanes) {
    this.router = router;
    this.parts = parts;
    this.lanes = lanes;
  }

  int queuedChanges() {
    return parts.stages().values().stream().filter(s -> s instanceof PublishStage)
        .mapToInt(s -> ((PublishStage) s).queued()).sum();
  }

  void abort() {
    parts.abort().countDown();
  }

  /** Runs the flight; false when it suspended its lane for an asynchronous step. */
  boolean process(Flight f) {
    Step resume = f.resume;
    f.resume = null;
    if (f.settled.get()) {
      return true;
    }
    MDC.put("msg_id", f.id);
    try {
      return resume != null ? resume.run() : route(f, f.message);
    } catch (InterruptedException e) {
      router.settle(f, new Outcome.Redeliver("interrupted"), f.message);
      return true;
    } catch (RuntimeException | Error e) {
      Router.LOG.error("[msg-{}] router failure, message will be redelivered", f.id, e);
      router.settle(f, new Outcome.Redeliver("router failure: " + Failure.describe(e)),
          f.message);
      return true;
    } finally {
      MDC.remove("msg_id");
    }
  }

  private boolean route(Flight f, EventMessage start) throws InterruptedException {
    EventMessage m = start;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (router.aborting()) {
        router.settle(f, new Outcome.Redeliver("service is shutting down"), m);
        return true;
      }
      String phase = m.phase();
      String next = parts.route().get(phase);
      if (next == null) {
        Router.LOG.error("[msg-{}] core.route has no next phase for \"{}\"; routing to cleanup",
            f.id, phase);
        next = CLEANUP;
      }
      m = toPhase(m, next);
      f.message = m;
      if (next.equals(CLEANUP)) {
        router.metrics().incr(RouterMetrics.COMPLETED);
        finish(f, m, new Outcome.Applied());
        return true;
      }
      Stage stage = parts.stages().get(next);
      if (stage == null) {
        fail(f, m, new Verdict.Park(m, "no plugin handles phase \"" + next + "\" (core.route "
            + "leads there from \"" + phase + "\")", "MissingPlugin"), "");
        return true;
      }
      long t0 = System.nanoTime();
      if (stage instanceof PublishStage publish) {
        EventMessage at = m;
        publish.handleAsync(at).whenComplete((out, err) -> resumed(f, publish, at, t0, out,
            err == null ? null : PublishStage.unwrap(err)));
        return false;
      }
      Verdict v = parts.runner().run(next, stage.plugin(), m, stage::handle);
      m = v.message();
      if (!verdict(f, stage, t0, v)) {
        return true;
      }
    }
    fail(f, m, new Verdict.Park(m, "core.route loops: more than " + MAX_HOPS + " phase changes",
        "RouteLoop"), "");
    return true;
  }

  /** After an asynchronous publish attempt: finish here when cheap, else resume the lane. */
  private void resumed(Flight f, PublishStage stage, EventMessage at, long t0,
      EventMessage out, Throwable err) {
    if (err == null && CLEANUP.equals(parts.route().get(at.phase()))) {
      MDC.put("msg_id", f.id);
      try {
        verdict(f, stage, t0, new Verdict.Done(out));
        route(f, out);
      } catch (InterruptedException | RuntimeException | Error e) {
        Router.LOG.error("[msg-{}] router failure, message will be redelivered", f.id, e);
        router.settle(f, new Outcome.Redeliver("router failure: " + Failure.describe(e)), at);
      } finally {
        MDC.remove("msg_id");
      }
      lanes.resume(f.key, null);
      return;
    }
    f.resume = () -> {
      Verdict v = err == null ? new Verdict.Done(out)
          : parts.runner().run(stage.phase(), stage.plugin(), at, stage::handle, err);
      return !verdict(f, stage, t0, v) || route(f, v.message());
    };
    lanes.resume(f.key, f);
  }

  /** Records a stage's verdict; true when the route goes on with {@code v.message()}. */
  private boolean verdict(Flight f, Stage stage, long t0, Verdict v) {
    router.metrics().timing(RouterMetrics.PHASE_DURATION,
        Duration.ofNanos(System.nanoTime() - t0), phaseContext(stage.phase()));
    EventMessage m = v.message();
    f.message = m;
    switch (v) {
      case Verdict.Done d -> {
        return true;
      }
      case Verdict.Skip s -> {
        router.metrics().incr(RouterMetrics.STALE);
        router.metrics().incr(RouterMetrics.COMPLETED);
        Router.LOG.info("[msg-{}] skipped: {}", f.id, s.reason());
        finish(f, toPhase(m, CLEANUP), new Outcome.Skipped(s.reason()));
        return false;
      }
      case Verdict.Park p -> {
        fail(f, m, p, stage.plugin());
        return false;
      }
      case Verdict.GiveUp g -> {
        fail(f, m, g, stage.plugin());
        return false;
      }
    }
  }

  private Map<String, String> phaseContext(String phase) {
    return phaseContexts.computeIfAbsent(phase, p -> Map.of("phase", p, "unit", "seconds"));
  }

  private EventMessage toPhase(EventMessage m, String next) {
    Hop hop = hops.computeIfAbsent(m.phase(), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(next, k -> new Hop(m.phase(), next));
    router.metrics().incr(RouterMetrics.UPDATE_PHASE, hop.metric);
    // What m.withPhase(at, next) does, with the entry's text made once per pair of phases.
    return new EventMessage(m.id(), m.event(), next, m.history(), m.createdAt(), m.attributes())
        .withHistory(router.clock().instant(), "", hop.text);
  }

  /** A phase change: its metric attributes and its history text. */
  private record Hop(Map<String, String> metric, String text) {
    Hop(String from, String to) {
      this(Map.of("current", from, "next", to), "Updated phase from " + from + " to " + to);
    }
  }

  private void fail(Flight f, EventMessage m, Verdict v, String plugin) {
    String error = v instanceof Verdict.Park p ? p.error() : ((Verdict.GiveUp) v).error();
    router.metrics().incr(RouterMetrics.DROPPED, Map.of("error", error));
    String failedPhase = m.phase();
    EventMessage atCleanup = toPhase(m, CLEANUP);
    Outcome o;
    if (v instanceof Verdict.Park p) {
      // The letter records the phase that failed, not cleanup.
      EventMessage letter = new EventMessage(atCleanup.id(), atCleanup.event(), failedPhase,
          atCleanup.history(), atCleanup.createdAt(), atCleanup.attributes());
      o = router.park(letter, p.reason(), plugin, Optional.empty());
    } else {
      o = new Outcome.Redeliver(((Verdict.GiveUp) v).reason());
    }
    finish(f, atCleanup, o);
  }

  private void finish(Flight f, EventMessage m, Outcome o) {
    EventMessage done = m;
    if (parts.cleanup().isPresent() && !f.settled.get()) {
      Map.Entry<String, MessageHandler> c = parts.cleanup().get();
      try {
        EventMessage out = c.getValue().handle(m);
        done = out != null ? out : m;
      } catch (RuntimeException | Error e) {
        Router.LOG.warn("[msg-{}] cleanup handler {} threw: {}", f.id, c.getKey(),
            Failure.describe(e), e);
      }
    }
    done = done.withHistory(router.clock().instant(), "", "outcome: " + o.state()
        + (o instanceof Outcome.Applied ? "" : " (" + reason(o) + ")"));
    router.settle(f, o, done);
  }

  private static String reason(Outcome o) {
    return switch (o) {
      case Outcome.Applied a -> "";
      case Outcome.Skipped s -> s.reason();
      case Outcome.DeadLettered d -> d.reason();
      case Outcome.Redeliver r -> r.reason();
    };
  }
}
