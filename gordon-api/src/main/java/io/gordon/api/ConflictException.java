package io.gordon.api;

/**
 * A compare-and-swap write found the record in a state other than expected: another writer changed
 * it. Not retriable as is; the message says what was found. A caller that re-reads the live state
 * may build a new change.
 */
public class ConflictException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** Creates a conflict for one RRset; {@code message} states what was expected and found. */
  public ConflictException(String provider, String zone, String name, String type, String message) {
    super(provider, zone, name, type, false, message, null);
  }
}
