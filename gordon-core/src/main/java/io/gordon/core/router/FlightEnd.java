package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.delivery.Failure;
import io.gordon.core.runtime.Assembly.Named;
import java.util.Map;
import java.util.Optional;

/**
 * How a {@link MessageFlow} ends a flight: dead-lettered with a reason, or run through the cleanup
 * handler, then settled. Runs on the flight's lane. Thread-safe (no state of its own).
 */
final class FlightEnd {
  private final Settlement settlement;
  private final MetricRelay metrics;
  private final PhaseRoute route;
  private final Optional<Named<MessageHandler>> cleanup;
  private final KeyedLanes<?> lanes;

  FlightEnd(
      Settlement settlement,
      PhaseRoute route,
      Optional<Named<MessageHandler>> cleanup,
      KeyedLanes<?> lanes) {
    this.settlement = settlement;
    this.metrics = settlement.metrics();
    this.route = route;
    this.cleanup = cleanup;
    this.lanes = lanes;
  }

  void dropped(String cls) {
    metrics.incr(RouterMetrics.DROPPED, Map.of("error", cls));
  }

  /** Dead-letters {@code m} (recording the phase that failed), then settles. */
  void fail(Flight f, EventMessage m, String reason, String category, String plugin) {
    if (category.equals("no-plugin") || category.equals("route-loop")) {
      dropped(category.equals("no-plugin") ? "MissingPlugin" : "RouteLoop");
    }
    EventMessage atCleanup = route.toCleanup(m, settlement.clock().instant(), metrics);
    // The letter records the phase that failed, not cleanup.
    EventMessage letter =
        new EventMessage(
            atCleanup.id(),
            atCleanup.event(),
            m.phase(),
            atCleanup.history(),
            atCleanup.createdAt(),
            atCleanup.attributes());
    Outcome parked;
    lanes.blockingBegins(); // the sink writes or sends the letter before answering
    try {
      parked = settlement.park(letter, reason, category, plugin);
    } finally {
      lanes.blockingEnds();
    }
    finish(f, atCleanup, parked);
  }

  /** Runs the cleanup handler, if any, records the outcome in the history and settles. */
  void finish(Flight f, EventMessage m, Outcome o) {
    EventMessage done = m;
    if (cleanup.isPresent() && !f.settled.get()) {
      lanes.blockingBegins();
      try {
        EventMessage out = cleanup.get().plugin().handle(m);
        done = out != null ? out : m;
      } catch (RuntimeException | Error e) {
        Router.LOG.warn(
            "[msg-{}] cleanup handler {} threw: {}",
            f.id,
            cleanup.get().name(),
            Failure.describe(e),
            e);
      } finally {
        lanes.blockingEnds();
      }
    }
    done = done.withHistory(settlement.clock().instant(), "", Settlement.historyText(o));
    settlement.settle(f, o, done);
  }
}
