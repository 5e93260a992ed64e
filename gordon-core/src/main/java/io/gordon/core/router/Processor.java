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
import java.util.concurrent.CountDownLatch;
import org.slf4j.MDC;

/**
 * Drives one message through its phases (on its key's lane): each phase change is counted and
 * appended to the history, each stage runs under the failure rules of {@link StageRunner}, and
 * the final phase {@code cleanup} calls the cleanup handler, if any, then settles.
 */
final class Processor {
  static final String CLEANUP = "cleanup";
  static final Map<String, String> SECONDS = Map.of("unit", "seconds");
  private static final int MAX_HOPS = 32;

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

  Processor(Router router, Parts parts) {
    this.router = router;
    this.parts = parts;
  }

  int queuedChanges() {
    return parts.stages().values().stream().filter(s -> s instanceof PublishStage)
        .mapToInt(s -> ((PublishStage) s).queued()).sum();
  }

  void abort() {
    parts.abort().countDown();
  }

  void process(Flight f) {
    if (f.settled.get()) {
      return;
    }
    MDC.put("msg_id", f.id);
    try {
      route(f);
    } catch (InterruptedException e) {
      router.settle(f, new Outcome.Redeliver("interrupted"), f.message);
    } catch (RuntimeException | Error e) {
      Router.LOG.error("[msg-{}] router failure, message will be redelivered", f.id, e);
      router.settle(f, new Outcome.Redeliver("router failure: " + Failure.describe(e)),
          f.message);
    } finally {
      MDC.remove("msg_id");
    }
  }

  private void route(Flight f) throws InterruptedException {
    EventMessage m = f.message;
    for (int hop = 0; hop < MAX_HOPS; hop++) {
      if (router.aborting()) {
        router.settle(f, new Outcome.Redeliver("service is shutting down"), m);
        return;
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
        return;
      }
      Stage stage = parts.stages().get(next);
      if (stage == null) {
        fail(f, m, new Verdict.Park(m, "no plugin handles phase \"" + next + "\" (core.route "
            + "leads there from \"" + phase + "\")", "MissingPlugin"), "");
        return;
      }
      long t0 = System.nanoTime();
      Verdict v = parts.runner().run(next, stage.plugin(), m, stage::handle);
      router.metrics().timing(RouterMetrics.PHASE_DURATION,
          Duration.ofNanos(System.nanoTime() - t0), Map.of("phase", next, "unit", "seconds"));
      m = v.message();
      f.message = m;
      switch (v) {
        case Verdict.Done d -> { }
        case Verdict.Skip s -> {
          router.metrics().incr(RouterMetrics.STALE);
          router.metrics().incr(RouterMetrics.COMPLETED);
          Router.LOG.info("[msg-{}] skipped: {}", f.id, s.reason());
          finish(f, toPhase(m, CLEANUP), new Outcome.Skipped(s.reason()));
          return;
        }
        case Verdict.Park p -> {
          fail(f, m, p, stage.plugin());
          return;
        }
        case Verdict.GiveUp g -> {
          fail(f, m, g, stage.plugin());
          return;
        }
      }
    }
    fail(f, m, new Verdict.Park(m, "core.route loops: more than " + MAX_HOPS + " phase changes",
        "RouteLoop"), "");
  }

  private EventMessage toPhase(EventMessage m, String next) {
    router.metrics().incr(RouterMetrics.UPDATE_PHASE, Map.of("current", m.phase(), "next", next));
    return m.withPhase(router.clock().instant(), next);
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
