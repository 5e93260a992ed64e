package io.gordon.api.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A decoded event: what should happen to which records.
 *
 * <p>Generic events carry their records. An event decoded from a GCE audit-log entry carries only
 * {@link #resourceName()} (e.g. {@code projects/p/zones/z/instances/web-1}) and no records until an
 * enricher adds them: {@link #needsEnrichment()}.
 *
 * @param id the event's own idempotency key, when it has one
 * @param action additions (replace) or deletions
 * @param timestamp when the change happened at its origin; used to skip stale events
 * @param records the RRsets concerned
 * @param resourceName the cloud resource the event is about, for events that need enrichment
 * @param schema which format it was decoded from, e.g. {@code event} or {@code audit-log}
 * @param expected for compare-and-swap: record set key ({@link RecordSet#key()}) to the rdata the
 *     writer believes is live (empty list: expected absent); each key must be one of {@code
 *     records}. The generic event carries it as {@code resourceRecords[i].expected}
 */
public record DnsEvent(
    Optional<String> id,
    Action action,
    Optional<Instant> timestamp,
    List<RecordSet> records,
    Optional<String> resourceName,
    String schema,
    Map<String, List<String>> expected) {

  /**
   * Validates that the event has records, or a resource to find them from, and that each record set
   * fits in one DNS message ({@link RecordSet#checkWireSize}).
   */
  public DnsEvent {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(action, "action == null");
    Objects.requireNonNull(timestamp, "timestamp == null");
    records = List.copyOf(records);
    Objects.requireNonNull(resourceName, "resourceName == null");
    Objects.requireNonNull(schema, "schema == null");
    if (records.isEmpty() && resourceName.isEmpty()) {
      throw new IllegalArgumentException(
          "event has no resourceRecords and no resourceName (expected at least one record)");
    }
    if (action == Action.ADDITIONS) {
      for (RecordSet r : records) {
        if (r.rdata().isEmpty()) {
          throw new IllegalArgumentException("addition of " + r.key() + " has no rrdatas");
        }
        r.checkWireSize();
      }
    }
    expected = checkedExpected(records, expected);
  }

  /** An event without compare-and-swap expectations. */
  public DnsEvent(
      Optional<String> id,
      Action action,
      Optional<Instant> timestamp,
      List<RecordSet> records,
      Optional<String> resourceName,
      String schema) {
    this(id, action, timestamp, records, resourceName, schema, Map.of());
  }

  private static Map<String, List<String>> checkedExpected(
      List<RecordSet> records, Map<String, List<String>> expected) {
    Objects.requireNonNull(expected, "expected == null");
    if (expected.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : expected.entrySet()) {
      RecordSet r = find(records, e.getKey());
      if (r == null) {
        throw new IllegalArgumentException(
            "expected rdata given for " + e.getKey() + ", which is not a record set of the event");
      }
      List<String> live = new ArrayList<>(e.getValue().size());
      for (String v : e.getValue()) {
        String n = Rdata.normalize(r.type(), v);
        if (!live.contains(n)) {
          live.add(n);
        }
      }
      out.put(e.getKey(), List.copyOf(live));
    }
    return Collections.unmodifiableMap(out);
  }

  private static @Nullable RecordSet find(List<RecordSet> records, String key) {
    for (RecordSet r : records) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    return null;
  }

  /** A generic event with records. */
  public static DnsEvent of(Action action, Instant timestamp, List<RecordSet> records) {
    return new DnsEvent(
        Optional.empty(),
        action,
        Optional.ofNullable(timestamp),
        records,
        Optional.empty(),
        "event");
  }

  /** Whether an enricher must add records before the event can be published. */
  public boolean needsEnrichment() {
    return records.isEmpty();
  }

  /**
   * A copy with other records (what an enricher returns, or the router keeping the fresh ones).
   * Expectations of record sets that are no longer there are dropped.
   */
  public DnsEvent withRecords(List<RecordSet> other) {
    if (expected.isEmpty()) {
      return new DnsEvent(id, action, timestamp, other, resourceName, schema, Map.of());
    }
    Map<String, List<String>> kept = new LinkedHashMap<>();
    for (RecordSet r : other) {
      List<String> e = expected.get(r.key());
      if (e != null) {
        kept.put(r.key(), e);
      }
    }
    return new DnsEvent(id, action, timestamp, other, resourceName, schema, kept);
  }

  /** The rdata expected live for {@code records}, when the event makes it a compare-and-swap. */
  public Optional<List<String>> expectedFor(RecordSet records) {
    return expected.isEmpty() ? Optional.empty() : Optional.ofNullable(expected.get(records.key()));
  }

  /**
   * The changes to apply: a {@link Change.Replace} (additions) or {@link Change.Remove} (deletions)
   * per record set, each carrying its {@link #expectedFor expectation}. This is the one mapping
   * from an event to changes; it is on the publish path, hence a plain loop.
   */
  public List<Change> changes() {
    boolean add = action == Action.ADDITIONS;
    List<Change> out = new ArrayList<>(records.size());
    for (RecordSet r : records) {
      Optional<List<String>> e = expectedFor(r);
      out.add(add ? new Change.Replace(r, e) : new Change.Remove(r, e));
    }
    return out;
  }

  /**
   * The key that orders messages: the first record's name, or the resource's last path segment for
   * events that still need enrichment.
   */
  public String orderingKey() {
    if (!records.isEmpty()) {
      return records.get(0).name();
    }
    String r = resourceName.orElseThrow();
    return r.substring(r.lastIndexOf('/') + 1);
  }
}
