package io.gordon.core.janitor;

import io.gordon.api.model.RecordSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;

/**
 * One change the janitor plans for one RRset.
 *
 * @param kind what it does
 * @param desired the RRset as it should be (for a deletion: the live RRset that goes)
 * @param live the RRset as read, when one exists; its rdata is the compare-and-swap expectation
 */
public record PlannedChange(Kind kind, RecordSet desired, Optional<RecordSet> live) {
  /** What a planned change does. */
  public enum Kind {
    /** Creates an RRset that is missing (expected absent). */
    ADDITION("addition"),
    /** Replaces an owned RRset whose rdata or TTL differ. */
    REPLACEMENT("replacement"),
    /** Deletes an owned RRset the authority no longer lists. */
    DELETION("deletion"),
    /** Takes over an unowned RRset the authority lists ({@code --adopt}), writing its marker. */
    ADOPTION("adoption");

    private final String label;

    Kind(String label) {
      this.label = label;
    }

    /** The word used in output. */
    public String label() {
      return label;
    }
  }

  /** Validates that changes of existing RRsets say what they found. */
  public PlannedChange {
    Objects.requireNonNull(kind, "kind == null");
    Objects.requireNonNull(desired, "desired == null");
    Objects.requireNonNull(live, "live == null");
    if (kind != Kind.ADDITION && live.isEmpty()) {
      throw new IllegalArgumentException(
          kind.label() + " of " + desired.key() + " needs the live RRset");
    }
  }

  /** Whether two RRsets hold the same data: rdata as sets, TTL only when the first gives one. */
  static boolean same(RecordSet desired, RecordSet live) {
    if (desired.ttl().isPresent() && !desired.ttl().equals(live.ttl())) {
      return false;
    }
    return desired.rdata().size() == live.rdata().size()
        && new HashSet<>(desired.rdata()).equals(new HashSet<>(live.rdata()));
  }
}
