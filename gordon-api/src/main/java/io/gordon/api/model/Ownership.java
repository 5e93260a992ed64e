package io.gordon.api.model;

import io.gordon.api.OwnershipException;
import java.util.Objects;
import java.util.Optional;

/**
 * The ownership claim a {@link Change} carries: which gordon (its owner id) writes it, and whether
 * it may take over an existing RRset that has no owner marker. A provider given a claimed change
 * writes or removes the RRset's {@link OwnerMarker} in the same atomic change as the record and
 * refuses to touch an RRset owned by nobody or by another owner id (see {@link #check}).
 *
 * @param ownerId the owner id, {@code [a-z0-9][a-z0-9._-]{0,62}}
 * @param adopt whether an existing RRset without a marker may be taken over by a replacement
 */
public record Ownership(String ownerId, boolean adopt) {
  /** Validates the owner id. */
  public Ownership {
    OwnerMarker.checkOwnerId(ownerId);
  }

  /** A claim that does not adopt. */
  public static Ownership of(String ownerId) {
    return new Ownership(ownerId, false);
  }

  /**
   * Decides whether {@code change} may be applied given what the provider found live, and returns
   * the refusal when it may not. The rules: an absent RRset may be written (the writer takes
   * ownership) and its removal is a no-op; an RRset whose marker names this owner id may be written
   * and removed; an RRset without a marker may be replaced only when {@link #adopt()} is set; an
   * RRset whose marker names another owner id is never touched.
   *
   * @param change the change to check
   * @param rrsetPresent whether the RRset exists live
   * @param markerOwner the owner id in the live marker, empty when there is no valid marker
   * @return the refusal, or empty when the change may go ahead
   */
  public Optional<OwnershipException> check(
      Change change, boolean rrsetPresent, Optional<String> markerOwner) {
    Objects.requireNonNull(change, "change == null");
    Objects.requireNonNull(markerOwner, "markerOwner == null");
    if (!rrsetPresent || markerOwner.filter(ownerId::equals).isPresent()) {
      return Optional.empty();
    }
    if (markerOwner.isEmpty() && adopt && change instanceof Change.Replace) {
      return Optional.empty();
    }
    return Optional.of(
        OwnershipException.notOwned(change.name(), change.type(), markerOwner, ownerId));
  }
}
