package io.gordon.core.janitor;

import java.util.Objects;

/**
 * What became of one janitor event.
 *
 * @param eventId the event's id
 * @param zone the zone
 * @param change the planned change it carried
 * @param state {@code applied}, {@code published} (handed to an event publisher), {@code skipped},
 *     {@code dead-lettered} or {@code redeliver}
 * @param reason why, when not applied or published
 */
public record Sent(String eventId, String zone, PlannedChange change, String state, String reason) {
  /** Validates the fields. */
  public Sent {
    Objects.requireNonNull(eventId, "eventId == null");
    Objects.requireNonNull(zone, "zone == null");
    Objects.requireNonNull(change, "change == null");
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(reason, "reason == null");
  }

  /** Whether the event did what it was meant to (a stale skip counts: a newer event won). */
  public boolean ok() {
    return state.equals("applied") || state.equals("published") || state.equals("skipped");
  }
}
