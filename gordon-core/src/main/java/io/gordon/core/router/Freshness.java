package io.gordon.core.router;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The timestamp of the last event applied to each name and type, to skip stale events; and, for the
 * names and types of messages that failed retriably (and may have been handed back to their
 * source), when the last message applied to them was received, so that a handed-back message coming
 * back after a later one was applied does not undo it (events need no timestamp for that).
 */
final class Freshness {
  /** How long a name's hand-back mark outlives its last use (redeliveries come within minutes). */
  static final Duration MARK_KEPT = Duration.ofHours(1);

  private final ConcurrentHashMap<Key, Slot> lastApplied = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, Mark> handedBack = new ConcurrentHashMap<>();
  private volatile Instant nextSweep = Instant.MIN;

  /**
   * The slot of {@code records}' name and type, created empty on first use. The publish stage looks
   * it up once per record and uses it for both the stale check and the update (one map lookup
   * instead of a lookup and a locking merge).
   */
  Slot slot(RecordSet records) {
    Key k = new Key(records.name(), records.type());
    Slot s = lastApplied.get(k);
    return s != null ? s : lastApplied.computeIfAbsent(k, x -> new Slot());
  }

  /** Marks {@code records} as having a message that failed retriably at {@code now}. */
  void failed(List<RecordSet> records, Instant now) {
    for (RecordSet r : records) {
      handedBack.computeIfAbsent(new Key(r.name(), r.type()), k -> new Mark()).touched = now;
    }
    if (now.isAfter(nextSweep)) {
      nextSweep = now.plusSeconds(60);
      handedBack.values().removeIf(m -> m.touched.isBefore(now.minus(MARK_KEPT)));
    }
  }

  /** Records that a message received at {@code received} set {@code records} at {@code now}. */
  void applied(List<RecordSet> records, Instant received, Instant now) {
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

    synchronized void applied(Instant received, Instant now) {
      touched = now;
      if (lastReceived == null || received.isAfter(lastReceived)) {
        lastReceived = received;
      }
    }
  }

  /** The timestamp of the last event applied to one name and type (null: none yet). */
  static final class Slot extends AtomicReference<Instant> {
    /** Whether an event at {@code at} is older than the last applied one. */
    boolean stale(Instant at) {
      Instant last = get();
      return last != null && at.isBefore(last);
    }

    /** Records that an event at {@code at} was applied (the latest timestamp wins). */
    void applied(Instant at) {
      accumulateAndGet(at, (last, now) -> last == null || now.isAfter(last) ? now : last);
    }
  }

  /** A name and type; cheaper to hash than a concatenated string. */
  private record Key(String name, RecordType type) {}
}
