package io.gordon.api.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to one RRset, as a provider applies it.
 *
 * <p>A change may carry {@link #expected()}: the rdata the writer believes is live. A provider then
 * writes only if the live RRset holds exactly those rdata (compare-and-swap: RFC 2136
 * value-dependent prerequisites, Cloud DNS exact-match deletions) and otherwise fails with a {@link
 * io.gordon.api.ConflictException} saying what it found. An empty expectation list means "expected
 * absent".
 *
 * <p>A change may also carry an {@link #ownership()} claim: the provider then applies it only to an
 * RRset this owner id owns (or that is absent, or that it may adopt), and writes or removes the
 * RRset's {@link OwnerMarker} in the same atomic change; see {@link Ownership#check}. A change
 * without a claim behaves as if ownership did not exist (no marker, no check).
 */
public sealed interface Change permits Change.Replace, Change.Remove {
  /** The record set the change concerns. */
  RecordSet records();

  /** The live rdata this change expects to find, when it is a compare-and-swap. */
  Optional<List<String>> expected();

  /** The ownership claim, when the writer checks and records ownership. */
  Optional<Ownership> ownership();

  /** A copy of this change carrying {@code claim}. */
  Change withOwnership(Ownership claim);

  /** Shortcut for {@code records().name()}. */
  default String name() {
    return records().name();
  }

  /** Shortcut for {@code records().type()}. */
  default RecordType type() {
    return records().type();
  }

  /**
   * Makes the RRset hold exactly {@code records().rdata()} with its TTL, replacing what was there.
   * Idempotent.
   *
   * @param records the desired RRset; its rdata must not be empty
   * @param expected the live rdata expected before the write, for compare-and-swap
   * @param ownership the ownership claim, if any
   */
  record Replace(RecordSet records, Optional<List<String>> expected, Optional<Ownership> ownership)
      implements Change {
    /** Validates that the desired RRset has rdata. */
    public Replace {
      Objects.requireNonNull(records, "records == null");
      if (records.rdata().isEmpty()) {
        throw new IllegalArgumentException(
            "replacement of "
                + records.key()
                + " has no rdata (expected at least one; use a deletion to remove the RRset)");
      }
      expected = normalized(records.type(), expected);
      Objects.requireNonNull(ownership, "ownership == null");
    }

    /** A replacement without ownership claim. */
    public Replace(RecordSet records, Optional<List<String>> expected) {
      this(records, expected, Optional.empty());
    }

    /** An unconditional replacement. */
    public Replace(RecordSet records) {
      this(records, Optional.empty());
    }

    @Override
    public Replace withOwnership(Ownership claim) {
      return new Replace(records, expected, Optional.of(claim));
    }
  }

  /**
   * Removes the listed rdata from the RRset, or the whole RRset when {@code records().rdata()} is
   * empty. Removing something absent is a no-op, not an error.
   *
   * @param records the RRset name and type, and the rdata to remove (empty: all)
   * @param expected the live rdata expected before the removal, for compare-and-swap
   * @param ownership the ownership claim, if any
   */
  record Remove(RecordSet records, Optional<List<String>> expected, Optional<Ownership> ownership)
      implements Change {
    /** Validates the fields. */
    public Remove {
      Objects.requireNonNull(records, "records == null");
      expected = normalized(records.type(), expected);
      Objects.requireNonNull(ownership, "ownership == null");
    }

    /** A removal without ownership claim. */
    public Remove(RecordSet records, Optional<List<String>> expected) {
      this(records, expected, Optional.empty());
    }

    @Override
    public Remove withOwnership(Ownership claim) {
      return new Remove(records, expected, Optional.of(claim));
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
