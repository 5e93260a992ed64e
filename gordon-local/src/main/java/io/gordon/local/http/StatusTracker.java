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
import java.util.Map;
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
  record Status(String state, String reason, List<HistoryEntry> history, Instant updated) {
    boolean done() {
      return !state.equals("pending") && !state.equals("redeliver");
    }
  }

  private static final class Entry {
    Status status;

    /** The event as spooled (the codec's encoding), to tell a retry from a reused id. */
    String content;

    /** Made when someone waits (?wait=true): most events are never waited for. */
    CompletableFuture<Status> done;
  }

  private final Clock clock;
  private final Duration retention;
  private final int maxEntries;
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

  StatusTracker(Clock clock, Duration retention, int maxEntries) {
    this.clock = clock;
    this.retention = retention;
    this.maxEntries = maxEntries;
  }

  /**
   * Claims {@code id} for an event about to be spooled with {@code content}, unless the id is known
   * with other content: then returns that content and changes nothing. The same content again is a
   * client's retry and is claimed (a finished entry starts over as pending).
   */
  synchronized Optional<String> claim(String id, String content) {
    evict();
    Entry known = entries.get(id);
    if (known != null && known.content != null && !known.content.equals(content)) {
      return Optional.of(known.content);
    }
    if (known != null && !known.status.done()) {
      known.content = content;
      return Optional.empty();
    }
    Entry e = new Entry();
    e.status = new Status("pending", "", List.of(), clock.instant());
    e.content = content;
    entries.remove(id);
    entries.put(id, e);
    evict();
    return Optional.empty();
  }

  /** Drops {@code id}, which was not accepted after all. */
  synchronized void forget(String id) {
    entries.remove(id);
  }

  @Override
  public synchronized void submitted(String id) {
    if (!entries.containsKey(id) || entries.get(id).status.state().equals("redeliver")) {
      Entry e = entries.computeIfAbsent(id, k -> new Entry());
      e.status =
          new Status(
              "pending", "", e.status == null ? List.of() : e.status.history(), clock.instant());
      evict();
    }
  }

  @Override
  public void settled(String id, Outcome outcome, List<HistoryEntry> history) {
    Status s = new Status(outcome.state(), reason(outcome), List.copyOf(history), clock.instant());
    CompletableFuture<Status> done = null;
    synchronized (this) {
      Entry e = entries.computeIfAbsent(id, k -> new Entry());
      e.status = s;
      if (s.done() && e.done != null) {
        done = e.done;
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
    return e == null ? Optional.empty() : Optional.of(e.status);
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
    if (e.status.done()) {
      e.done.complete(e.status);
    }
    return e.done;
  }

  private void evict() {
    Instant oldest = clock.instant().minus(retention);
    Iterator<Map.Entry<String, Entry>> it = entries.entrySet().iterator();
    while (it.hasNext()) {
      Map.Entry<String, Entry> e = it.next();
      boolean tooMany = entries.size() > maxEntries;
      boolean expired =
          e.getValue().status.done() && e.getValue().status.updated().isBefore(oldest);
      if (!tooMany && !expired) {
        break;
      }
      it.remove();
    }
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
