package io.gordon.core.janitor;

import io.gordon.api.janitor.DesiredZone;
import io.gordon.api.model.OwnerMarker;
import io.gordon.api.model.RecordSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Diffs one zone's desired RRsets with the live ones. Only RRsets whose marker names this owner id
 * are replaced or deleted; a missing RRset is added (taking ownership); an existing RRset that is
 * not owned is reported and left alone, unless {@code adopt} (then it is taken over, but only when
 * the authority lists it). Deletions are planned only when the authority's view of the zone is
 * complete and not empty.
 */
public final class Planner {
  private final String ownerId;
  private final boolean adopt;

  /**
   * Creates a planner.
   *
   * @param ownerId this gordon's owner id
   * @param adopt whether to take over unowned RRsets the authority lists ({@code --adopt})
   */
  public Planner(String ownerId, boolean adopt) {
    this.ownerId = OwnerMarker.checkOwnerId(ownerId);
    this.adopt = adopt;
  }

  /**
   * Plans {@code desired}, observed at {@code observedAt}, against the zone as read ({@code live},
   * markers included).
   */
  public ZonePlan plan(DesiredZone desired, Instant observedAt, List<RecordSet> live) {
    LiveZone zone = new LiveZone(desired.zone(), live);
    List<PlannedChange> changes = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Set<String> wanted = new HashSet<>();
    for (RecordSet d : desired.records()) {
      wanted.add(d.key());
      if (OwnerMarker.isReserved(d.name())) {
        notes.add(
            d.key()
                + ": refused, names starting with "
                + OwnerMarker.PREFIX
                + " are reserved for owner markers");
        continue;
      }
      planDesired(d, zone, changes, notes);
    }
    if (!desired.complete()) {
      notes.add("the authority's view of " + desired.zone() + " is incomplete; no deletions");
    } else if (desired.records().isEmpty()) {
      notes.add(
          "the authority lists no records in "
              + desired.zone()
              + "; refusing to delete every record, no deletions");
    } else {
      for (RecordSet r : zone.records().values()) {
        if (!wanted.contains(r.key()) && zone.owner(r.key()).filter(ownerId::equals).isPresent()) {
          changes.add(new PlannedChange(PlannedChange.Kind.DELETION, r, Optional.of(r)));
        }
      }
    }
    changes.sort(
        Comparator.comparing((PlannedChange c) -> c.desired().name())
            .thenComparing(c -> c.desired().type()));
    return new ZonePlan(
        desired.zone(), observedAt, changes, notes, zone.ownedBy(ownerId), Optional.empty());
  }

  private void planDesired(
      RecordSet d, LiveZone zone, List<PlannedChange> changes, List<String> notes) {
    RecordSet live = zone.records().get(d.key());
    if (live == null) {
      changes.add(new PlannedChange(PlannedChange.Kind.ADDITION, d, Optional.empty()));
      return;
    }
    Optional<String> owner = zone.owner(d.key());
    if (owner.filter(ownerId::equals).isPresent()) {
      if (!PlannedChange.same(d, live)) {
        changes.add(new PlannedChange(PlannedChange.Kind.REPLACEMENT, d, Optional.of(live)));
      }
    } else if (owner.isEmpty() && adopt) {
      changes.add(new PlannedChange(PlannedChange.Kind.ADOPTION, d, Optional.of(live)));
    } else {
      notes.add(
          d.key()
              + ": left alone, it exists and is owned by "
              + owner.map(o -> "'" + o + "'").orElse("none")
              + " (this gordon is '"
              + ownerId
              + "')"
              + (owner.isEmpty() ? "; --adopt takes it over" : ""));
    }
  }
}
