package io.gordon.core.router;

import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The timestamp of the last event applied to each name and type, to skip stale events. */
final class Freshness {
  private final ConcurrentHashMap<Key, Slot> lastApplied = new ConcurrentHashMap<>();

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
