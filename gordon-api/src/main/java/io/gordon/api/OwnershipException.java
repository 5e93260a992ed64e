package io.gordon.api;

import io.gordon.api.model.RecordType;
import java.util.Objects;
import java.util.Optional;

/**
 * A change was refused to protect records this gordon does not own: an RRset without an owner
 * marker or with another owner id, a protected record (apex SOA and NS, glue, the configured {@code
 * protected} list), a reserved marker name, or a deletion held back by the deletion circuit
 * breaker. Permanent: the message is parked in the dead-letter sink with this message as the
 * reason, and nothing is changed.
 */
public class OwnershipException extends PermanentException {
  private static final long serialVersionUID = 1L;

  /** Creates a refusal; {@code message} names the record and why it is not changed. */
  public OwnershipException(String message) {
    super(message);
  }

  /**
   * The refusal for an existing RRset that {@code ownerId} does not own, e.g. {@code
   * www.example.com. A exists and is owned by 'team-b' (this gordon is 'gordon'); not changed}.
   *
   * @param name the record name
   * @param type the record type
   * @param foundOwner the owner id in the live marker, empty when there is none
   * @param ownerId this gordon's owner id
   */
  public static OwnershipException notOwned(
      String name, RecordType type, Optional<String> foundOwner, String ownerId) {
    Objects.requireNonNull(foundOwner, "foundOwner == null");
    String owner = foundOwner.map(o -> "'" + o + "'").orElse("none");
    return new OwnershipException(
        name
            + " "
            + type
            + " exists and is owned by "
            + owner
            + " (this gordon is '"
            + ownerId
            + "'); not changed");
  }
}
