package io.gordon.local.spool;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the spooled events submitted but not yet settled for good (applied, skipped or
 * dead-lettered), and remembers when the oldest of them was first submitted: the spool's backlog
 * and oldest pending age, for the operator's gauges. A redelivered event stays pending with its
 * first submission time. Passes every call on to {@code next}. Thread-safe.
 */
final class Backlog implements SpoolListener {
  /** Prometheus-style gauge: events submitted from the spool and not yet settled. */
  static final String BACKLOG = "gordon_spool_backlog_events";

  /** Prometheus-style gauge: seconds since the oldest unsettled event was first submitted. */
  static final String OLDEST = "gordon_spool_oldest_pending_age_seconds";

  private static final class Pending {
    int count;
    int redelivering;
    final long since;

    Pending(long since) {
      this.since = since;
    }
  }

  private final SpoolListener next;
  private final Clock clock;
  private final Map<String, Pending> pending = new HashMap<>();

  Backlog(SpoolListener next, Clock clock) {
    this.next = next;
    this.clock = clock;
  }

  @Override
  public void submitted(String id) {
    synchronized (this) {
      Pending p = pending.computeIfAbsent(id, k -> new Pending(clock.millis()));
      if (p.redelivering > 0) {
        p.redelivering--;
      } else {
        p.count++;
      }
    }
    next.submitted(id);
  }

  @Override
  public void settled(String id, Outcome outcome, List<HistoryEntry> history) {
    synchronized (this) {
      Pending p = pending.get(id);
      if (p != null && !outcome.acknowledge()) {
        p.redelivering++;
      } else if (p != null && --p.count <= 0) {
        pending.remove(id);
      }
    }
    next.settled(id, outcome, history);
  }

  /** Events pending now. */
  synchronized int size() {
    return pending.values().stream().mapToInt(p -> p.count).sum();
  }

  /** How long the oldest pending event has waited; zero when none is pending. */
  synchronized Duration oldest() {
    long now = clock.millis();
    return Duration.ofMillis(
        pending.values().stream().mapToLong(p -> now - p.since).max().orElse(0));
  }
}
