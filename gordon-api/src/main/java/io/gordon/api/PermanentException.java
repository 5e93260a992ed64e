package io.gordon.api;

/**
 * A failure that trying again cannot fix: an invalid event, a record outside every managed zone, a
 * change the provider refused as invalid. The router parks the message in the dead-letter sink with
 * this exception's message as the reason, then lets the source acknowledge it.
 */
public class PermanentException extends GordonException {
  private static final long serialVersionUID = 1L;

  /** Creates a permanent failure. */
  public PermanentException(String message) {
    super(message);
  }

  /** Creates a permanent failure with its cause. */
  public PermanentException(String message, Throwable cause) {
    super(message, cause);
  }
}
