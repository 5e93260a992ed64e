package io.gordon.core.janitor;

import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A zone as read live, sorted by ownership: each RRset with the owner id its marker names (none
 * when it has no valid marker). Marker RRsets themselves are not records to reconcile.
 */
final class LiveZone {
  private final String zone;
  private final Map<String, RecordSet> records = new LinkedHashMap<>();
  private final Map<String, String> owners = new HashMap<>();

  LiveZone(String zone, List<RecordSet> live) {
    this.zone = zone;
    for (RecordSet r : live) {
      if (!OwnerMarker.isReserved(r.name())) {
        records.put(r.key(), r);
      }
    }
    for (RecordSet r : live) {
      if (OwnerMarker.isReserved(r.name()) && r.type() == RecordType.TXT) {
        readMarker(r);
      }
    }
  }

  /** A marker counts only at the name the scheme gives its record, so a copy elsewhere is void. */
  private void readMarker(RecordSet txt) {
    for (String rdata : txt.rdata()) {
      Optional<OwnerMarker> m = OwnerMarker.parse(rdata);
      if (m.isEmpty()) {
        continue;
      }
      OwnerMarker marker = m.get();
      String key = marker.record() + "/" + marker.type();
      try {
        if (txt.name().equals(marker.name(zone)) && records.containsKey(key)) {
          owners.put(key, marker.ownerId());
        }
      } catch (IllegalArgumentException e) {
        // a marker for a record outside this zone: not ours to read
      }
    }
  }

  String zone() {
    return zone;
  }

  /** Every RRset but markers, by key. */
  Map<String, RecordSet> records() {
    return records;
  }

  /** The owner id of the RRset with {@code key}; empty when it has no valid marker. */
  Optional<String> owner(String key) {
    return Optional.ofNullable(owners.get(key));
  }

  /** How many RRsets {@code ownerId} owns here. */
  int ownedBy(String ownerId) {
    int n = 0;
    for (String o : owners.values()) {
      if (o.equals(ownerId)) {
        n++;
      }
    }
    return n;
  }
}
