package io.gordon.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to one RRset, as a provider applies it.
 *
 * <p>A change may carry {@link #expected()}: the rdata the writer believes is live. A provider
 * then writes only if the live RRset holds exactly those rdata (compare-and-swap: RFC 2136
 * value-dependent prerequisites, Cloud DNS exact-match deletions) and otherwise fails with a
 * {@link io.gordon.api.ConflictException} saying what it found. An empty expectation list means
 * "expected absent".
 */
public sealed interface Change permits Change.Replace, Change.Remove {
  /** The record set the change concerns. */
  RecordSet records();

  /** The live rdata this change expects to find, when it is a compare-and-swap. */
  Optional<List<String>> expected();

  /** Shortcut for {@code records().name()}. */
  default String name() {
    return records().name();
  }

  /** Shortcut for {@code records().type()}. */
  default RecordType type() {
    return records().type();
  }

  /**
   * Makes the RRset hold exactly {@code records().rdata()} with its TTL, replacing what was
   * there. Idempotent.
   *
   * @param records the desired RRset; its rdata must not be empty
   * @param expected the live rdata expected before the write, for compare-and-swap
   */
  record Replace(RecordSet records, Optional<List<String>> expected) implements Change {
    /** Validates that the desired RRset has rdata. */
    public Replace {
      Objects.requireNonNull(records, "records == null");
      if (records.rdata().isEmpty()) {
        throw new IllegalArgumentException("replacement of " + records.key()
            + " has no rdata (expected at least one; use a deletion to remove the RRset)");
      }
      expected = normalized(records.type(), expected);
    }

    /** An unconditional replacement. */
    public Replace(RecordSet records) {
      this(records, Optional.empty());
    }
  }

  /**
   * Removes the listed rdata from the RRset, or the whole RRset when {@code records().rdata()} is
   * empty. Removing something absent is a no-op, not an error.
   *
   * @param records the RRset name and type, and the rdata to remove (empty: all)
   * @param expected the live rdata expected before the removal, for compare-and-swap
   */
  record Remove(RecordSet records, Optional<List<String>> expected) implements Change {
    /** Validates the fields. */
    public Remove {
      Objects.requireNonNull(records, "records == null");
      expected = normalized(records.type(), expected);
    }

    /** An unconditional removal. */
    public Remove(RecordSet records) {
      this(records, Optional.empty());
    }

    /** Whether the whole RRset goes. */
    public boolean wholeRrset() {
      return records.rdata().isEmpty();
    }
  }

  private static Optional<List<String>> normalized(RecordType type, Optional<List<String>> e) {
    Objects.requireNonNull(e, "expected == null");
    return e.map(list -> list.stream().map(r -> Rdata.normalize(type, r)).distinct().toList());
  }
}
