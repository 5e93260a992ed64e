package io.gordon.local.http;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import io.gordon.local.spool.SpoolListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state of recently accepted events, for {@code GET /v1/events/{id}} and {@code ?wait=true}:
 * bounded both by count and by age, oldest dropped first. Thread-safe.
 *
 * <p>Lookups take no shared lock: an event's state is guarded by its entry, and only claims (the
 * HTTP threads) and evictions take the lock of the claim order. One lock over everything was the
 * most contended monitor of the service: every event's claim, submission and settlement (the lanes'
 * threads), and every wait, met on it.
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

  private final Clock clock;
  private final long retentionNanos;
  private final int maxEntries;
  private final ConcurrentHashMap<String, StatusEntry> entries = new ConcurrentHashMap<>();

  /** The entries in claim order (with ones since replaced or dropped: skipped). Guarded by it. */
  private final ArrayDeque<StatusEntry> order = new ArrayDeque<>();

  StatusTracker(Clock clock, Duration retention, int maxEntries) {
    this.clock = clock;
    this.retentionNanos = StatusEntry.nanos(Instant.EPOCH.plus(retention));
    this.maxEntries = maxEntries;
  }

  /**
   * Claims {@code id} for an event about to be spooled with {@code content}, unless the id is known
   * with other content: then returns that content and changes nothing. The same content again is a
   * client's retry and is claimed (a finished entry starts over as pending).
   */
  Optional<String> claim(String id, String content) {
    long now = StatusEntry.nanos(clock.instant());
    synchronized (order) {
      evict(now);
      StatusEntry known = entries.get(id);
      if (known != null) {
        synchronized (known) {
          if (known.content != null && !known.content.equals(content)) {
            return Optional.of(known.content);
          }
          if (!known.finished()) {
            known.content = content;
            return Optional.empty();
          }
        }
      }
      StatusEntry e = new StatusEntry(id, now);
      e.content = content;
      add(e); // a finished event claimed again starts over at the young end
      if (entries.size() > maxEntries) {
        // Only the bound can make the head go now: the evict above stopped at a head that is live
        // and not expired at this same instant. (An entry the add replaced may be left at the
        // head; it is invisible, and the next pass skips it.) Saves a lookup per claim.
        evict(now);
      }
      return Optional.empty();
    }
  }

  /** Drops {@code id}, which was not accepted after all. */
  void forget(String id) {
    StatusEntry e = entries.remove(id);
    if (e != null) {
      e.gone = true;
    }
  }

  @Override
  public void submitted(String id) {
    StatusEntry e = entries.get(id);
    if (e == null) {
      created(id); // a line spooled before a restart: pending from now
      return;
    }
    synchronized (e) {
      if (e.state.equals("redeliver")) {
        e.pending(StatusEntry.nanos(clock.instant()));
      }
    }
  }

  @Override
  public void settled(String id, Outcome outcome, List<HistoryEntry> history) {
    long now = StatusEntry.nanos(clock.instant());
    StatusEntry e = entries.get(id);
    if (e == null) {
      e = created(id);
    }
    StatusEntry.Watch served;
    Status s;
    synchronized (e) {
      e.settled(outcome, reason(outcome), history, now);
      if (!e.finished() || e.watchers == null) {
        return;
      }
      served = e.watchers;
      e.watchers = null;
      s = e.status();
    }
    for (StatusEntry.Watch w = served; w != null; w = w.next()) {
      w.request().arrived(w.index(), s);
    }
  }

  /** The entry of an id not claimed here (spooled before a restart), made and counted now. */
  private StatusEntry created(String id) {
    long now = StatusEntry.nanos(clock.instant());
    synchronized (order) {
      StatusEntry e = entries.get(id);
      if (e == null) {
        e = new StatusEntry(id, now);
        add(e);
        evict(now);
      }
      return e;
    }
  }

  Optional<Status> status(String id) {
    synchronized (order) {
      evict(StatusEntry.nanos(clock.instant()));
    }
    StatusEntry e = entries.get(id);
    if (e == null) {
      return Optional.empty();
    }
    synchronized (e) {
      return Optional.of(e.status());
    }
  }

  /**
   * Starts waiting for {@code ids} to be applied, skipped or dead-lettered: the returned wait
   * completes once every one of them known now has finished.
   */
  StatusWait watch(List<String> ids) {
    StatusWait w = new StatusWait(ids);
    for (int i = 0; i < ids.size(); i++) {
      StatusEntry e = entries.get(ids.get(i));
      if (e == null) {
        w.unknown = true;
        continue;
      }
      synchronized (e) {
        if (e.finished()) {
          w.already(i, e.status());
        } else {
          w.expect();
          e.watchers = new StatusEntry.Watch(w, i, e.watchers);
        }
      }
    }
    w.arrived(-1, null); // the registration itself: done now if nothing is left to wait for
    return w;
  }

  /**
   * Each event's status: the one it finished with, else what is known now (empty when no longer
   * known).
   */
  List<Optional<Status>> results(StatusWait w) {
    List<Optional<Status>> out = new ArrayList<>(w.size());
    for (int i = 0; i < w.size(); i++) {
      Status s = w.finished(i);
      out.add(s != null ? Optional.of(s) : status(w.id(i)));
    }
    return out;
  }

  /**
   * Appends {@code e} to the claim order. The entries it replaces stay in the order until they
   * reach its head, unless they grow to more than the live ones (a client retrying one id over and
   * over): then they are dropped at once. Guarded by {@link #order}.
   */
  private void add(StatusEntry e) {
    StatusEntry replaced = entries.put(e.id, e);
    if (replaced != null) {
      replaced.gone = true;
    }
    order.addLast(e);
    if (order.size() > 2 * entries.size() + 1024) {
      order.removeIf(x -> x.gone);
    }
  }

  /**
   * Drops the oldest entries while there are too many or they finished longer than the retention
   * ago. Entries are in claim order, so the loop stops at the first one that stays. Guarded by
   * {@link #order}.
   */
  private void evict(long now) {
    StatusEntry head;
    while ((head = order.peekFirst()) != null) {
      if (head.gone) { // a flag, not a lookup: the head is the oldest entry, rarely in cache
        order.pollFirst(); // replaced by a later claim, or forgotten
        continue;
      }
      boolean expired;
      synchronized (head) {
        expired = head.finished() && head.updated < now - retentionNanos;
      }
      if (entries.size() <= maxEntries && !expired) {
        break;
      }
      order.pollFirst();
      entries.remove(head.id, head);
      head.gone = true;
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
