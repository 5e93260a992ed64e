package io.gordon.core.router;

import io.gordon.api.model.RecordSet;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/** The timestamp of the last event applied to each name and type, to skip stale events. */
final class Freshness {
  private final ConcurrentHashMap<Key, Instant> lastApplied = new ConcurrentHashMap<>();

  /** Whether an event at {@code at} for {@code records} is older than the last applied one. */
  boolean stale(RecordSet records, Instant at) {
    Instant last = lastApplied.get(new Key(records.name(), records.type()));
    return last != null && at.isBefore(last);
  }

  /** The last applied timestamp of {@code records}, if any. */
  Instant last(RecordSet records) {
    return lastApplied.get(new Key(records.name(), records.type()));
  }

  /** Records that an event at {@code at} was applied to {@code records}. */
  void applied(RecordSet records, Instant at) {
    lastApplied.merge(new Key(records.name(), records.type()), at,
        (a, b) -> a.isAfter(b) ? a : b);
  }

  /** A name and type; cheaper to hash than a concatenated string. */
  private record Key(String name, io.gordon.api.model.RecordType type) {}
}
