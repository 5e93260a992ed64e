package io.gordon.core.janitor;

import io.gordon.api.model.OwnerMarker;
import io.gordon.core.ownership.OwnershipSettings;

/**
 * The parts of {@code [core.ownership]} the janitor applies.
 *
 * @param ownerId this gordon's owner id: the janitor replaces and deletes only RRsets whose marker
 *     names it
 * @param deleteThreshold largest share (0..1) of a zone's owned RRsets one run may delete
 * @param minRecords the guard applies only to zones with at least this many owned RRsets
 */
public record OwnershipRules(String ownerId, double deleteThreshold, int minRecords) {
  /** Validates the fields. */
  public OwnershipRules {
    OwnerMarker.checkOwnerId(ownerId);
    if (!(deleteThreshold >= 0 && deleteThreshold <= 1)) {
      throw new IllegalArgumentException(
          "delete_threshold must be 0..1 but was " + deleteThreshold);
    }
    if (minRecords < 0) {
      throw new IllegalArgumentException("min_records must be at least 0 but was " + minRecords);
    }
  }

  /** The janitor's part of {@code [core.ownership]}. */
  public static OwnershipRules of(OwnershipSettings s) {
    return new OwnershipRules(s.ownerId(), s.deleteThreshold(), s.minRecords());
  }

  /** The documented defaults: owner "gordon", 30 %, 10 records. */
  public static OwnershipRules defaults() {
    return new OwnershipRules("gordon", 0.30, 10);
  }
}
