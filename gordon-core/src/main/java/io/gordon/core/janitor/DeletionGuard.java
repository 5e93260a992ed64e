package io.gordon.core.janitor;

import java.util.Locale;

/**
 * The janitor's circuit breaker: a run may not delete more than {@code delete_threshold} of a
 * zone's owned RRsets when the zone has at least {@code min_records} of them. A tripped zone keeps
 * its additions and replacements but loses its deletions, and the run fails. {@code --force} lets
 * one run pass.
 */
public final class DeletionGuard {
  private final double threshold;
  private final int minRecords;

  /** Creates the guard from {@code [core.ownership]}'s delete_threshold and min_records. */
  public DeletionGuard(OwnershipRules rules) {
    this.threshold = rules.deleteThreshold();
    this.minRecords = rules.minRecords();
  }

  /**
   * Checks {@code plan}; returns it unchanged when it passes (or when {@code force}), else without
   * deletions and with the guard's message.
   */
  public ZonePlan check(ZonePlan plan, boolean force) {
    int deletions = plan.count(PlannedChange.Kind.DELETION);
    int owned = plan.owned();
    if (deletions == 0
        || owned < minRecords
        || owned == 0
        || (double) deletions / owned <= threshold
        || force) {
      return plan;
    }
    return plan.withoutDeletions(message(plan.zone(), deletions, owned));
  }

  /** The text the janitor prints and exits with when the guard trips. */
  String message(String zone, int deletions, int owned) {
    return String.format(
        Locale.ROOT,
        "deletion guard tripped for zone %s: %d of %d owned"
            + " record sets (%.1f%%) would be deleted, above delete_threshold %.1f%%"
            + " (min_records %d); no deletions were made in this zone (gordon janitor --dry-run"
            + " --force lists them; --force overrides once)",
        zone,
        deletions,
        owned,
        100.0 * deletions / owned,
        100.0 * threshold,
        minRecords);
  }
}
