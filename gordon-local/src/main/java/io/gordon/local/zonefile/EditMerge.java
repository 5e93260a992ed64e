package io.gordon.local.zonefile;

import io.gordon.api.model.RecordSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts acknowledged batches that were only in the journal on top of a zone file another writer
 * replaced: each RRset they touched gets their state, unless the edit itself changed that RRset
 * (its state in the edited file differs from the one the batches started from); there the edit, the
 * later word, wins.
 */
final class EditMerge {
  private EditMerge() {}

  /**
   * Applies {@code pending} to {@code edited} RRset by RRset, given the file before the batches
   * ({@code base}: the one gordon last wrote or read). Returns the RRsets where the edit won, as
   * "name TYPE", each once.
   */
  static List<String> apply(List<JournalEntry> pending, ZoneData base, ZoneData edited) {
    List<String> overridden = new ArrayList<>();
    Map<ZoneData.Key, Boolean> ours = new HashMap<>();
    for (JournalEntry e : pending) {
      for (JournalEntry.Effect effect : e.effects()) {
        ZoneData.Key k = key(effect);
        boolean untouched =
            ours.computeIfAbsent(
                k,
                x ->
                    same(
                        edited.get(x.name(), x.type()),
                        base.get(x.name(), x.type()),
                        edited.defaultTtl()));
        if (untouched) {
          new JournalEntry(e.sequence(), List.of(effect)).applyTo(edited);
        } else if (!overridden.contains(k.name() + " " + k.type())) {
          overridden.add(k.name() + " " + k.type());
        }
      }
    }
    return overridden;
  }

  private static ZoneData.Key key(JournalEntry.Effect effect) {
    return switch (effect) {
      case JournalEntry.Effect.Put p -> new ZoneData.Key(p.set().name(), p.set().type());
      case JournalEntry.Effect.Delete d -> new ZoneData.Key(d.name(), d.type());
    };
  }

  /** Whether two states of an RRset hold the same records and TTL. */
  private static boolean same(Optional<RecordSet> a, Optional<RecordSet> b, int defaultTtl) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() && b.isEmpty();
    }
    return a.get().ttlOr(defaultTtl) == b.get().ttlOr(defaultTtl)
        && new HashSet<>(a.get().rdata()).equals(new HashSet<>(b.get().rdata()));
  }
}
