package io.gordon.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decoded event: what should happen to which records.
 *
 * <p>Generic events carry their records. An event decoded from a GCE audit-log entry carries
 * only {@link #resourceName()} (e.g. {@code projects/p/zones/z/instances/web-1}) and no records
 * until an enricher adds them: {@link #needsEnrichment()}.
 *
 * @param id the event's own idempotency key, when it has one
 * @param action additions (replace) or deletions
 * @param timestamp when the change happened at its origin; used to skip stale events
 * @param records the RRsets concerned
 * @param resourceName the cloud resource the event is about, for events that need enrichment
 * @param schema which format it was decoded from, e.g. {@code event} or {@code audit-log}
 */
public record DnsEvent(Optional<String> id, Action action, Optional<Instant> timestamp,
    List<RecordSet> records, Optional<String> resourceName, String schema) {

  /** Validates that the event has records, or a resource to find them from. */
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
      }
    }
  }

  /** A generic event with records. */
  public static DnsEvent of(Action action, Instant timestamp, List<RecordSet> records) {
    return new DnsEvent(Optional.empty(), action, Optional.ofNullable(timestamp), records,
        Optional.empty(), "event");
  }

  /** Whether an enricher must add records before the event can be published. */
  public boolean needsEnrichment() {
    return records.isEmpty();
  }

  /** A copy with other records (what an enricher returns). */
  public DnsEvent withRecords(List<RecordSet> other) {
    return new DnsEvent(id, action, timestamp, other, resourceName, schema);
  }

  /** The changes to apply: a {@link Change.Replace} or {@link Change.Remove} per record set. */
  public List<Change> changes() {
    return records.stream()
        .map(r -> action == Action.ADDITIONS ? (Change) new Change.Replace(r)
            : new Change.Remove(r))
        .toList();
  }

  /**
   * The key that orders messages: the first record's name, or the resource's last path segment
   * for events that still need enrichment.
   */
  public String orderingKey() {
    if (!records.isEmpty()) {
      return records.get(0).name();
    }
    String r = resourceName.orElseThrow();
    return r.substring(r.lastIndexOf('/') + 1);
  }
}
