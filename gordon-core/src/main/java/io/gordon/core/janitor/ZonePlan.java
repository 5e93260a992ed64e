package io.gordon.core.janitor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the janitor plans for one zone.
 *
 * @param zone the zone
 * @param observedAt when the authority observed the zone: the timestamp of the zone's events
 * @param changes additions, replacements, adoptions and deletions, in name order
 * @param notes what was left alone and why (unowned records, an incomplete view), one line each
 * @param owned how many RRsets of the zone this gordon owned when read
 * @param guard when the deletion guard tripped: its message; the plan then has no deletions
 */
public record ZonePlan(
    String zone,
    Instant observedAt,
    List<PlannedChange> changes,
    List<String> notes,
    int owned,
    Optional<String> guard) {
  /** Copies the lists. */
  public ZonePlan {
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(observedAt, "observedAt == null");
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
    Objects.requireNonNull(guard, "guard == null");
  }

  /** How many planned changes are of {@code kind}. */
  public int count(PlannedChange.Kind kind) {
    int n = 0;
    for (PlannedChange c : changes) {
      if (c.kind() == kind) {
        n++;
      }
    }
    return n;
  }

  /** This plan without its deletions, with the guard's message. */
  ZonePlan withoutDeletions(String reason) {
    List<PlannedChange> kept =
        changes.stream().filter(c -> c.kind() != PlannedChange.Kind.DELETION).toList();
    return new ZonePlan(zone, observedAt, kept, notes, owned, Optional.of(reason));
  }
}
