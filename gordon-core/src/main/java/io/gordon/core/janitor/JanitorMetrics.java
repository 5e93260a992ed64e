package io.gordon.core.janitor;

import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.MetricTimer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The janitor's metrics, with the original gordon-janitor's names where it had them: {@code
 * plugin-runtime} (timer, {@code plugin}), {@code rrsets-handled} (gauge, {@code plugin}, {@code
 * action}, {@code zone}), {@code change-message} (counter, {@code plugin}, {@code action}, {@code
 * result}), {@code run-ended} (counter, {@code status}); and gordon's own: {@code janitor-drift}
 * (gauge per {@code zone} and {@code kind}: additions, replacements, deletions, adoptions,
 * left-alone) and {@code janitor-last-success} (gauge, epoch seconds of the last run that ended
 * well).
 */
public final class JanitorMetrics {
  private final MetricRelay relay;

  /** Emits through {@code relay}. */
  public JanitorMetrics(MetricRelay relay) {
    this.relay = relay;
  }

  <T> T timed(String plugin, Supplier<T> work) {
    try (MetricTimer t = relay.timer("plugin-runtime", Map.of("plugin", plugin))) {
      return work.get();
    }
  }

  void planned(JanitorPlan plan) {
    for (ZonePlan z : plan.zones()) {
      for (PlannedChange.Kind k : PlannedChange.Kind.values()) {
        relay.set("janitor-drift", z.count(k), Map.of("zone", z.zone(), "kind", k.label() + "s"));
      }
      relay.set("janitor-drift", z.notes().size(), Map.of("zone", z.zone(), "kind", "left-alone"));
      relay.set(
          "rrsets-handled",
          z.count(PlannedChange.Kind.DELETION),
          Map.of("plugin", "reconciler", "action", "deletions", "zone", z.zone()));
      relay.set(
          "rrsets-handled",
          z.changes().size() - z.count(PlannedChange.Kind.DELETION),
          Map.of("plugin", "reconciler", "action", "additions", "zone", z.zone()));
    }
  }

  void sent(Iterable<Sent> sent) {
    Map<String, Long> counts = new HashMap<>();
    for (Sent s : sent) {
      String action = s.change().kind() == PlannedChange.Kind.DELETION ? "deletions" : "additions";
      counts.merge(action + "|" + s.state(), 1L, Long::sum);
    }
    counts.forEach(
        (k, n) -> {
          String[] p = k.split("\\|");
          relay.incr(
              "change-message", n, Map.of("plugin", "janitor", "action", p[0], "result", p[1]));
        });
  }

  /** Records the end of a run: {@code run-ended{status}} and, on success, the time. */
  public void ended(String status, Instant at) {
    relay.incr("run-ended", Map.of("status", status));
    if (status.equals("success")) {
      relay.set("janitor-last-success", at.getEpochSecond(), Map.of());
    }
  }
}
