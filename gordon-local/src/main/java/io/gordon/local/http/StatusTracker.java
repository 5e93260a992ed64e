package io.gordon.local.http;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import io.gordon.local.spool.SpoolListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The state of recently accepted events, for {@code GET /v1/events/{id}} and {@code ?wait=true}:
 * bounded both by count and by age, oldest dropped first. Thread-safe.
 */
final class StatusTracker implements SpoolListener {
  /**
   * What is known about one event.
   *
   * @param state pending, applied, skipped, dead-lettered or redeliver
   * @param reason why, for skipped, dead-lettered and redeliver
   * @param history the message's history as the core reported it
   * @param updated when the state last changed
   */
  record Status(String state, String reason, List<HistoryEntry> history, Instant updated) {}

  /**
   * One event, kept compact: up to status_max_entries (100,000) of them live for an hour, so the
   * status and its history are stored as plain fields and arrays and made into a {@link Status}
   * only when asked ({@code GET}, {@code ?wait=true}).
   */
  private static final class Entry {
    String state = "pending";
    String reason = "";

    /** When the state last changed, nanoseconds since the epoch. */
    long updated;

    /** The history: times (nanoseconds since the epoch) and (plugin, message) pairs. */
    long[] times = new long[0];

    String[] texts = new String[0];

    /** The event as spooled (the codec's encoding), to tell a retry from a reused id. */
    String content;

    /** Made when someone waits (?wait=true): most events are never waited for. */
    CompletableFuture<Status> done;

    boolean finished() {
      return !state.equals("pending") && !state.equals("redeliver");
    }

    void history(List<HistoryEntry> history) {
      times = new long[history.size()];
      texts = new String[2 * history.size()];
      for (int i = 0; i < times.length; i++) {
        HistoryEntry h = history.get(i);
        times[i] = nanos(h.timestamp());
        texts[2 * i] = h.plugin();
        texts[2 * i + 1] = h.message();
      }
    }

    Status status() {
      HistoryEntry[] h = new HistoryEntry[times.length];
      for (int i = 0; i < h.length; i++) {
        h[i] = new HistoryEntry(instant(times[i]), texts[2 * i], texts[2 * i + 1]);
      }
      return new Status(state, reason, List.of(h), instant(updated));
    }
  }

  private final Clock clock;
  private final long retentionNanos;
  private final int maxEntries;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  StatusTracker(Clock clock, Duration retention, int maxEntries) {
    this.clock = clock;
    this.retentionNanos = nanos(Instant.EPOCH.plus(retention));
    this.maxEntries = maxEntries;
  }

  /**
   * Claims {@code id} for an event about to be spooled with {@code content}, unless the id is known
   * with other content: then returns that content and changes nothing. The same content again is a
   * client's retry and is claimed (a finished entry starts over as pending).
   */
  synchronized Optional<String> claim(String id, String content) {
    long now = nanos(clock.instant());
    evict(now);
    Entry known = entries.get(id);
    if (known != null && known.content != null && !known.content.equals(content)) {
      return Optional.of(known.content);
    }
    if (known != null && !known.finished()) {
      known.content = content;
      return Optional.empty();
    }
    Entry e = new Entry();
    e.updated = now;
    e.content = content;
    if (known != null) {
      entries.remove(id); // a finished event claimed again moves to the young end
    }
    entries.put(id, e);
    evict(now);
    return Optional.empty();
  }

  /** Drops {@code id}, which was not accepted after all. */
  synchronized void forget(String id) {
    entries.remove(id);
  }

  @Override
  public synchronized void submitted(String id) {
    Entry e = entries.get(id);
    if (e == null || e.state.equals("redeliver")) {
      if (e == null) {
        e = new Entry();
        entries.put(id, e);
      }
      e.state = "pending";
      e.reason = "";
      e.updated = nanos(clock.instant());
      evict();
    }
  }

  @Override
  public void settled(String id, Outcome outcome, List<HistoryEntry> history) {
    long now = nanos(clock.instant());
    CompletableFuture<Status> done = null;
    Status s = null;
    synchronized (this) {
      Entry e = entries.computeIfAbsent(id, k -> new Entry());
      e.state = outcome.state();
      e.reason = reason(outcome);
      e.updated = now;
      e.history(history);
      if (e.finished() && e.done != null) {
        done = e.done;
        s = e.status();
      }
      evict();
    }
    if (done != null) {
      done.complete(s);
    }
  }

  synchronized Optional<Status> status(String id) {
    evict();
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.status());
  }

  /** Completes once {@code id} is applied, skipped or dead-lettered. */
  synchronized CompletableFuture<Status> whenDone(String id) {
    Entry e = entries.get(id);
    if (e == null) {
      return CompletableFuture.failedFuture(new IllegalStateException("unknown id " + id));
    }
    if (e.done == null) {
      e.done = new CompletableFuture<>();
    }
    if (e.finished()) {
      e.done.complete(e.status());
    }
    return e.done;
  }

  private void evict() {
    evict(nanos(clock.instant()));
  }

  /**
   * Drops the oldest entries while there are too many or they finished longer than the retention
   * ago. Entries are in claim order, so the loop stops at the first one that stays.
   */
  private void evict(long now) {
    Iterator<Entry> it = entries.values().iterator();
    while (it.hasNext()) {
      Entry e = it.next();
      if (entries.size() <= maxEntries && !expired(e, now)) {
        break;
      }
      it.remove();
    }
  }

  private boolean expired(Entry e, long now) {
    return e.finished() && e.updated < now - retentionNanos;
  }

  /** Nanoseconds since the epoch (fits a long until 2262); earlier than 1677 counts as 1677. */
  private static long nanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(0, nanos);
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
