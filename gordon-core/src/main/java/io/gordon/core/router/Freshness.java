package io.gordon.core.router;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timestamp of the last event applied to each name and type, to skip stale events (kept for
 * {@link #KEPT} after its last use: messages are dead-lettered long before); and, for the names and
 * types of messages that failed retriably (and may have been handed back to their source), which
 * message applied to them was received last, so that a handed-back message coming back after a
 * later one was applied does not undo it (events need no timestamp for that).
 *
 * <p>"Received" is this gordon's own order: a message's arrival number is given when it first comes
 * to publish, which, messages about one name being handled one at a time in arrival order, is the
 * order gordon took them from their sources; a message that fails keeps its number by its id, which
 * a handed-back message keeps. The messages' creation times would not do: for Kafka they are the
 * producers' clocks, so a later record from a producer whose clock is behind was skipped, and an
 * earlier one from a producer whose clock is ahead undid a later one.
 */
final class Freshness {
  /**
   * How long a name's entries outlive their last use: a message is dead-lettered once older than
   * core.retry.deadline (10 min) and redeliveries come within minutes, so an hour keeps the maps
   * bounded by the names of the last hour instead of every name ever seen.
   */
  static final Duration KEPT = Duration.ofHours(1);

  private final ConcurrentHashMap<Key, Slot> lastApplied = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Mark> handedBack = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Arrival> failedIds = new ConcurrentHashMap<>();
  private final AtomicLong arrivals = new AtomicLong();
  private volatile Instant nextSweep = Instant.MIN;

  /**
   * The slot of {@code records}' name and type, created empty on first use. The publish stage looks
   * it up once per record and uses it for both the stale check and the update (one map lookup
   * instead of a lookup and a locking merge).
   */
  Slot slot(RecordSet records, Instant now) {
    Key k = new Key(records.name(), records.type());
    Slot s = lastApplied.get(k);
    if (s == null) {
      return lastApplied.computeIfAbsent(k, x -> new Slot(now));
    }
    s.touched = now;
    return s;
  }

  /**
   * The arrival number of message {@code id}: the one it was given when it first came, if it failed
   * since (handed back, it comes again with its id), else the next one.
   */
  long arrival(String id, Instant now) {
    Arrival a = failedIds.isEmpty() ? null : failedIds.get(id);
    if (a == null) {
      return arrivals.incrementAndGet();
    }
    a.touched = now;
    return a.number;
  }

  /**
   * Marks {@code records} as having a message ({@code id}, arrival number {@code arrival}) that
   * failed retriably at {@code now}.
   */
  void failed(String id, long arrival, List<RecordSet> records, Instant now) {
    failedIds.computeIfAbsent(id, k -> new Arrival(arrival, now)).touched = now;
    for (RecordSet r : records) {
      // created touched: a sweep running meanwhile must not see a mark without a time
      handedBack.computeIfAbsent(new Key(r.name(), r.type()), k -> new Mark(now)).touched = now;
    }
    sweep(now);
  }

  /** Drops, at most once a minute, the entries unused for {@link #KEPT}. */
  private void sweep(Instant now) {
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plusSeconds(60);
      Instant before = now.minus(KEPT);
      // A slot dropped while a publish holds it only misses one update: the next event makes one.
      lastApplied.values().removeIf(s -> s.touched.isBefore(before));
      handedBack.values().removeIf(m -> m.touched.isBefore(before));
      failedIds.values().removeIf(a -> a.touched.isBefore(before));
    }
  }

  /** Records that message {@code id} (arrival number {@code arrival}) set {@code records}. */
  void applied(String id, long arrival, List<RecordSet> records, Instant now) {
    sweep(now);
    settled(id);
    if (handedBack.isEmpty()) {
      return; // the common case: no failure, no lookup
    }
    Applied applied = new Applied(arrival, id);
    for (RecordSet r : records) {
      Mark m = handedBack.get(new Key(r.name(), r.type()));
      if (m != null) {
        m.applied(applied, now);
      }
    }
  }

  /** Forgets the arrival number of message {@code id}, which is done with (or will not return). */
  void settled(String id) {
    if (!failedIds.isEmpty()) {
      failedIds.remove(id);
    }
  }

  /**
   * Why a message with arrival number {@code arrival} is stale for {@code records}' name and type:
   * a message received later was applied since one of its messages failed; null when it is not.
   */
  String receivedLate(RecordSet records, long arrival) {
    Mark m = handedBack.isEmpty() ? null : handedBack.get(new Key(records.name(), records.type()));
    Applied last = m == null ? null : m.last;
    if (last == null || arrival >= last.arrival()) {
      return null;
    }
    return "received before message " + last.id() + ", which was applied since";
  }

  /** The message received last of those applied to a marked name and type. */
  private static final class Mark {
    volatile Instant touched;
    private volatile Applied last;

    Mark(Instant now) {
      touched = now;
    }

    synchronized void applied(Applied applied, Instant now) {
      touched = now;
      if (last == null || applied.arrival() > last.arrival()) {
        last = applied;
      }
    }
  }

  /** An applied message: its arrival number and id. */
  private record Applied(long arrival, String id) {}

  /** The arrival number of a message that failed, kept while it may come back. */
  private static final class Arrival {
    final long number;
    volatile Instant touched;

    Arrival(long number, Instant now) {
      this.number = number;
      touched = now;
    }
  }

  /** The timestamp of the last event applied to one name and type (null: none yet). */
  static final class Slot extends AtomicReference<Instant> {
    private volatile Instant touched;

    Slot(Instant now) {
      touched = now;
    }

    /** Whether an event at {@code at} is older than the last applied one. */
    boolean stale(Instant at) {
      Instant last = get();
      return last != null && at.isBefore(last);
    }

    /** Records that an event at {@code at} was applied at {@code now} (latest timestamp wins). */
    void applied(Instant at, Instant now) {
      touched = now;
      accumulateAndGet(at, (last, next) -> last == null || next.isAfter(last) ? next : last);
    }
  }

  /** A name and type; cheaper to hash than a concatenated string. */
  private record Key(String name, RecordType type) {}
}
