package io.gordon.local.http;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import java.time.Instant;
import java.util.List;

/**
 * One event of the {@link StatusTracker}, kept compact: up to status_max_entries (100,000) of them
 * live for an hour, so the status and its history are stored as plain fields and arrays and made
 * into a {@link StatusTracker.Status} only when asked ({@code GET}, {@code ?wait=true}). Guarded by
 * itself, but for {@link #id}.
 */
final class StatusEntry {
  /** A request waiting for this event: its status goes to slot {@code index} of {@code request}. */
  record Watch(StatusWait request, int index, Watch next) {}

  final String id;
  String state = "pending";
  String reason = "";

  /** When the state last changed, nanoseconds since the epoch. */
  long updated;

  /** The history: times (nanoseconds since the epoch) and (plugin, message) pairs. */
  private long[] times = new long[0];

  private String[] texts = new String[0];

  /** The event as spooled (the codec's encoding), to tell a retry from a reused id. */
  String content;

  /**
   * Set once the tracker's map no longer holds this entry (replaced, forgotten or evicted), so that
   * the claim order can skip it without a lookup. Volatile: forget runs outside the order's lock;
   * seeing it late only leaves the entry in the order one pass longer.
   */
  volatile boolean gone;

  /** The requests waiting for this event (?wait=true), until it finishes; mostly none. */
  Watch watchers;

  StatusEntry(String id, long updated) {
    this.id = id;
    this.updated = updated;
  }

  boolean finished() {
    return !state.equals("pending") && !state.equals("redeliver");
  }

  /** Submitted (again): pending from {@code now}. */
  void pending(long now) {
    state = "pending";
    reason = "";
    updated = now;
  }

  void settled(Outcome outcome, String why, List<HistoryEntry> history, long now) {
    state = outcome.state();
    reason = why;
    updated = now;
    times = new long[history.size()];
    texts = new String[2 * history.size()];
    for (int i = 0; i < times.length; i++) {
      HistoryEntry h = history.get(i);
      times[i] = nanos(h.timestamp());
      texts[2 * i] = h.plugin();
      texts[2 * i + 1] = h.message();
    }
  }

  StatusTracker.Status status() {
    HistoryEntry[] h = new HistoryEntry[times.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = new HistoryEntry(instant(times[i]), texts[2 * i], texts[2 * i + 1]);
    }
    return new StatusTracker.Status(state, reason, List.of(h), instant(updated));
  }

  /** Nanoseconds since the epoch (fits a long until 2262); earlier than 1677 counts as 1677. */
  static long nanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
  }
}
