package io.gordon.core.janitor;

import java.util.List;

/**
 * The plan of one run.
 *
 * @param zones one plan per reconciled zone
 * @param errors zones that could not be reconciled and why; the run fails when there are any
 */
public record JanitorPlan(List<ZonePlan> zones, List<String> errors) {
  /** Copies the lists. */
  public JanitorPlan {
    zones = List.copyOf(zones);
    errors = List.copyOf(errors);
  }

  /** Whether the deletion guard tripped in any zone. */
  public boolean guardTripped() {
    return zones.stream().anyMatch(z -> z.guard().isPresent());
  }

  /** Total planned changes of {@code kind}. */
  public int count(PlannedChange.Kind kind) {
    return zones.stream().mapToInt(z -> z.count(kind)).sum();
  }
}
