package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What gordon last knew of one managed zone's record sets: read from Cloud DNS, then kept up to
 * date with the changes gordon itself got {@code done}. Planning against it saves a read per batch.
 * It is safe because every planned write carries its own precondition: a deletion matches the live
 * RRset exactly (412 or 404 otherwise) and an addition needs the RRset absent (409 otherwise), so a
 * stale entry makes Cloud DNS refuse the change and gordon reads the names again; what a plan
 * relies on but leaves unchanged is guarded the same way ({@link ChangeSteps}). Decisions that send
 * nothing (no-op, refusal) are confirmed by a fresh read by the caller. Thread-safe.
 */
final class ZoneSnapshot {
  private final Map<String, Map<String, ResourceRecordSet>> byName = new HashMap<>();
  private final Set<String> known = new HashSet<>();
  private final Set<String> unknown = new HashSet<>();
  private boolean complete;

  /** Whether the record sets at {@code name} are known (read, or written by gordon since). */
  synchronized boolean knows(String name) {
    return complete ? !unknown.contains(name) : known.contains(name);
  }

  /** How many record sets are held (to estimate the pages of a full listing). */
  synchronized int size() {
    return byName.values().stream().mapToInt(Map::size).sum();
  }

  /** The known record sets at {@code names}. */
  synchronized List<ResourceRecordSet> at(Collection<String> names) {
    List<ResourceRecordSet> out = new ArrayList<>();
    for (String n : names) {
      out.addAll(byName.getOrDefault(n, Map.of()).values());
    }
    return out;
  }

  /** Records a fresh read of {@code names}: {@code rrsets} is everything at them. */
  synchronized void read(Collection<String> names, List<ResourceRecordSet> rrsets) {
    for (String n : names) {
      byName.remove(n);
      unknown.remove(n);
      if (!complete) {
        known.add(n);
      }
    }
    rrsets.forEach(this::put);
  }

  /** Records a fresh listing of the whole zone. */
  synchronized void readAll(List<ResourceRecordSet> rrsets) {
    byName.clear();
    known.clear();
    unknown.clear();
    complete = true;
    rrsets.forEach(this::put);
  }

  /** Records a change Cloud DNS reported done. */
  synchronized void applied(List<RrsetDiff> diffs) {
    for (RrsetDiff d : diffs) {
      for (ResourceRecordSet r : d.deletions()) {
        Map<String, ResourceRecordSet> types = byName.get(name(r));
        if (types != null) {
          types.remove(r.getType());
        }
      }
      d.additions().forEach(this::put);
    }
  }

  /** Forgets {@code names}: their state is uncertain (a conflict, a failure, a timeout). */
  synchronized void forget(Collection<String> names) {
    for (String n : names) {
      byName.remove(n);
      known.remove(n);
      if (complete) {
        unknown.add(n);
      }
    }
  }

  private void put(ResourceRecordSet r) {
    byName.computeIfAbsent(name(r), k -> new HashMap<>()).put(r.getType(), r);
  }

  private static String name(ResourceRecordSet r) {
    return r.getName().toLowerCase(Locale.ROOT);
  }
}
