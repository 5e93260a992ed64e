package io.gordon.core.router;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timestamp of the last event applied to each name and type, to skip stale events (kept for
 * {@link #KEPT} after its last use: messages are dead-lettered long before); and, for the names and
 * types of messages that failed retriably (and may have been handed back to their source), when the
 * last message applied to them was received, so that a handed-back message coming back after a
 * later one was applied does not undo it (events need no timestamp for that).
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

  /** Marks {@code records} as having a message that failed retriably at {@code now}. */
  void failed(List<RecordSet> records, Instant now) {
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
    }
  }

  /** Records that a message received at {@code received} set {@code records} at {@code now}. */
  void applied(List<RecordSet> records, Instant received, Instant now) {
    sweep(now);
    if (handedBack.isEmpty()) {
      return; // the common case: no failure, no lookup
    }
    for (RecordSet r : records) {
      Mark m = handedBack.get(new Key(r.name(), r.type()));
      if (m != null) {
        m.applied(received, now);
      }
    }
  }

  /**
   * Why a message received at {@code received} is stale for {@code records}' name and type: a
   * message received later was applied since one of its messages failed; null when it is not.
   */
  String receivedLate(RecordSet records, Instant received) {
    Mark m = handedBack.isEmpty() ? null : handedBack.get(new Key(records.name(), records.type()));
    Instant last = m == null ? null : m.lastReceived;
    if (last == null || !received.isBefore(last)) {
      return null;
    }
    return "received " + received + ", earlier than the applied event received " + last;
  }

  /** When the last message applied to a marked name and type was received. */
  private static final class Mark {
    volatile Instant touched;
    private volatile Instant lastReceived;

    Mark(Instant now) {
      touched = now;
    }

    synchronized void applied(Instant received, Instant now) {
      touched = now;
      if (lastReceived == null || received.isAfter(lastReceived)) {
        lastReceived = received;
      }
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
