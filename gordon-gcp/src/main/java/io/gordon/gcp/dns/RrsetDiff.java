package io.gordon.gcp.dns;

import com.google.api.services.dns.model.ResourceRecordSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What must change for one RRset and, for a claimed change, its owner marker: one unit that is
 * never split across Cloud DNS changes.
 *
 * @param key name/type of the record
 * @param deletions the live RRsets as read (record and/or marker) that must go
 * @param additions the resulting RRsets
 */
record RrsetDiff(String key, List<ResourceRecordSet> deletions, List<ResourceRecordSet> additions) {
  /** Copies the lists. */
  RrsetDiff {
    deletions = List.copyOf(deletions);
    additions = List.copyOf(additions);
  }

  int additionCount() {
    return additions.size();
  }

  int deletionCount() {
    return deletions.size();
  }

  int bytes() {
    return size(deletions) + size(additions);
  }

  /** The names this diff writes. */
  Set<String> names() {
    Set<String> out = new HashSet<>();
    deletions.forEach(r -> out.add(r.getName().toLowerCase(Locale.ROOT)));
    additions.forEach(r -> out.add(r.getName().toLowerCase(Locale.ROOT)));
    return out;
  }

  private static int size(List<ResourceRecordSet> rs) {
    return rs.stream().flatMap(r -> r.getRrdatas().stream()).mapToInt(String::length).sum();
  }
}
