package io.gordon.api.janitor;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an {@link Authority} saw, and when.
 *
 * <p>{@link #observedAt()} is the instant at which the listing started: any live change made after
 * it may be unknown to the authority. The janitor gives its events this timestamp, so a live event
 * that is newer wins over a janitor event (see the janitor documentation's freshness rule).
 *
 * @param observedAt when the observation started
 * @param zones the zones covered, each at most once
 * @since 1.1
 */
public record Observation(Instant observedAt, List<DesiredZone> zones) {
  /** Validates that each zone appears once. */
  public Observation {
    Objects.requireNonNull(observedAt, "observedAt == null");
    zones = List.copyOf(zones);
    Set<String> seen = new HashSet<>();
    for (DesiredZone z : zones) {
      if (!seen.add(z.zone())) {
        throw new IllegalArgumentException(
            "zone " + z.zone() + " appears twice in one observation (expected each zone once)");
      }
    }
  }
}
