package io.gordon.local.http;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import io.gordon.local.spool.SpoolListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    /** The requests waiting for this event (?wait=true), until it finishes; mostly none. */
    Watch watchers;

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

  /**
   * One {@code ?wait=true} request's wait: the status each event finished with, and how many are
   * still to finish. One per request, completed once, instead of a future per event: a future per
   * event was completed (and the waiting thread woken) on the settling thread for every event.
   */
  static final class Wait {
    private final List<String> ids;

    /** Guarded by the tracker: each event's status once finished, else null. */
    private final Status[] finished;

    /** Guarded by the tracker: events still to finish. */
    private int left;

    private boolean unknown;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private Wait(List<String> ids) {
      this.ids = ids;
      this.finished = new Status[ids.size()];
    }

    /** Completes once every known event finished. */
    CompletableFuture<Void> done() {
      return done;
    }

    /** Whether an id was not known when the wait began (it then never finishes here). */
    boolean unknown() {
      return unknown;
    }
  }

  /** A request waiting for one event: the status goes to slot {@code index} of {@code request}. */
  private record Watch(Wait request, int index, Watch next) {}

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
    Watch watchers = null;
    synchronized (this) {
      Entry e = entries.computeIfAbsent(id, k -> new Entry());
      e.state = outcome.state();
      e.reason = reason(outcome);
      e.updated = now;
      e.history(history);
      if (e.finished() && e.watchers != null) {
        Status s = e.status();
        for (Watch w = e.watchers; w != null; w = w.next()) {
          w.request().finished[w.index()] = s;
          if (--w.request().left == 0) {
            watchers = new Watch(w.request(), 0, watchers);
          }
        }
        e.watchers = null;
      }
      evict();
    }
    for (Watch w = watchers; w != null; w = w.next()) {
      w.request().done.complete(null);
    }
  }

  synchronized Optional<Status> status(String id) {
    evict();
    Entry e = entries.get(id);
    return e == null ? Optional.empty() : Optional.of(e.status());
  }

  /**
   * Starts waiting for {@code ids} to be applied, skipped or dead-lettered: the returned wait
   * completes once every one of them known now has finished.
   */
  synchronized Wait watch(List<String> ids) {
    Wait w = new Wait(ids);
    for (int i = 0; i < ids.size(); i++) {
      Entry e = entries.get(ids.get(i));
      if (e == null) {
        w.unknown = true;
      } else if (e.finished()) {
        w.finished[i] = e.status();
      } else {
        e.watchers = new Watch(w, i, e.watchers);
        w.left++;
      }
    }
    if (w.left == 0) {
      w.done.complete(null);
    }
    return w;
  }

  /**
   * Each event's status: the one it finished with, else what is known now (empty when no longer
   * known).
   */
  synchronized List<Optional<Status>> results(Wait w) {
    evict();
    List<Optional<Status>> out = new ArrayList<>(w.ids.size());
    for (int i = 0; i < w.ids.size(); i++) {
      if (w.finished[i] != null) {
        out.add(Optional.of(w.finished[i]));
      } else {
        Entry e = entries.get(w.ids.get(i));
        out.add(e == null ? Optional.empty() : Optional.of(e.status()));
      }
    }
    return out;
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
