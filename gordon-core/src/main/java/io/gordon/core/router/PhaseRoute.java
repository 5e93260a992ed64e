package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MetricRelay;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * core.route made ready for the hot path: for each phase, the next one, its stage, its metric
 * attributes and the history text, all made once when the router is built.
 */
final class PhaseRoute {
  /**
   * One phase change.
   *
   * @param to the next phase
   * @param stage the stage serving it; null for cleanup or when no plugin serves it
   * @param metric the attributes of router-update-message-phase
   * @param text the history entry, "Updated phase from X to Y"
   */
  record Hop(String from, String to, Stage stage, Map<String, String> metric, String text) {
    Hop(String from, String to, Stage stage) {
      this(
          from,
          to,
          stage,
          Map.of("current", from, "next", to),
          "Updated phase from " + from + " to " + to);
    }

    /** {@code m} in phase {@code to}, with the history entry; counts the change. */
    EventMessage apply(EventMessage m, Instant at, MetricRelay metrics) {
      metrics.incr(RouterMetrics.UPDATE_PHASE, metric);
      return new EventMessage(m.id(), m.event(), to, m.history(), m.createdAt(), m.attributes())
          .withHistory(at, "", text);
    }
  }

  private final Map<String, Hop> next = new HashMap<>();
  private final Map<String, Hop> toCleanup = new HashMap<>();
  private final Map<String, Map<String, String>> timing = new HashMap<>();
  private final List<ZoneQueue> queues;
  private final String describe;

  PhaseRoute(Map<String, String> route, Map<String, Stage> stages, List<ZoneQueue> queues) {
    this.queues = List.copyOf(queues);
    this.describe = describe(route);
    route.forEach((from, to) -> next.put(from, new Hop(from, to, stages.get(to))));
    for (String p : phases(route, stages)) {
      toCleanup.put(p, new Hop(p, MessageFlow.CLEANUP, null));
      timing.put(p, Map.of("phase", p, "unit", "seconds"));
    }
  }

  private static java.util.Set<String> phases(
      Map<String, String> route, Map<String, Stage> stages) {
    java.util.Set<String> all = new java.util.HashSet<>(route.keySet());
    all.addAll(route.values());
    all.addAll(stages.keySet());
    return all;
  }

  /** The hop out of {@code phase}; to cleanup (logged) when core.route has none. */
  Hop from(String id, String phase) {
    Hop h = next.get(phase);
    if (h == null) {
      Router.LOG.error(
          "[msg-{}] core.route has no next phase for \"{}\"; routing to cleanup", id, phase);
      return toCleanup(phase);
    }
    return h;
  }

  /** {@code m} moved straight to cleanup (skips and failures end the route there). */
  EventMessage toCleanup(EventMessage m, Instant at, MetricRelay metrics) {
    return toCleanup(m.phase()).apply(m, at, metrics);
  }

  private Hop toCleanup(String phase) {
    Hop h = toCleanup.get(phase);
    return h != null ? h : new Hop(phase, MessageFlow.CLEANUP, null);
  }

  /** The attributes of router-phase-duration for {@code phase}. */
  Map<String, String> timingAttrs(String phase) {
    Map<String, String> t = timing.get(phase);
    return t != null ? t : Map.of("phase", phase, "unit", "seconds");
  }

  /** The route as text, e.g. "consume -> publish -> cleanup". */
  String describe() {
    return describe;
  }

  /** Requests waiting for a provider call, over every zone. */
  int queuedChanges() {
    return queues.stream().mapToInt(ZoneQueue::queued).sum();
  }

  void start() {
    queues.forEach(ZoneQueue::start);
  }

  void close() {
    queues.forEach(ZoneQueue::close);
  }

  static String describe(Map<String, String> route) {
    StringBuilder sb = new StringBuilder("consume");
    String p = "consume";
    for (int i = 0; i < 16 && route.containsKey(p); i++) {
      p = route.get(p);
      sb.append(" -> ").append(p);
    }
    return sb.toString();
  }
}
