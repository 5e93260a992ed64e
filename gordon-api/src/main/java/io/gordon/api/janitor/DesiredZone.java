package io.gordon.api.janitor;

import io.gordon.api.model.DnsNames;
import io.gordon.api.model.RecordSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The RRsets that should exist in one zone, as an {@link Authority} sees them.
 *
 * @param zone the zone, absolute and lower case (normalised)
 * @param records the desired RRsets, each inside {@code zone}, each name and type at most once;
 *     each must have rdata. An RRset without TTL gets the provider's default TTL
 * @param complete whether the authority saw its whole scope in this zone; when false the janitor
 *     only adds and replaces, it never deletes
 * @since 1.1
 */
public record DesiredZone(String zone, List<RecordSet> records, boolean complete) {
  /** Validates and normalises the fields. */
  public DesiredZone {
    zone = DnsNames.normalize(zone);
    records = List.copyOf(records);
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      RecordSet r = records.get(i);
      Objects.requireNonNull(r, "records[" + i + "] == null");
      if (!DnsNames.isInZone(r.name(), zone)) {
        throw new IllegalArgumentException(
            "desired record " + r.key() + " is outside zone " + zone);
      }
      if (r.rdata().isEmpty()) {
        throw new IllegalArgumentException(
            "desired record " + r.key() + " has no rdata (expected at least one value)");
      }
      Integer before = seen.put(r.key(), i);
      if (before != null) {
        throw new IllegalArgumentException(
            "desired record "
                + r.key()
                + " appears twice in zone "
                + zone
                + " (records "
                + before
                + " and "
                + i
                + "; expected each name and type once)");
      }
    }
  }

  /** A complete view of {@code zone}. */
  public static DesiredZone complete(String zone, List<RecordSet> records) {
    return new DesiredZone(zone, records, true);
  }
}
