package io.gordon.core.delivery;

/**
 * Thrown by a core stage to end a message's route early as {@code Outcome.Skipped} (a stale
 * event). Not an error; carries no stack trace.
 */
public final class SkipSignal extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the signal with the reason recorded in the history. */
  public SkipSignal(String reason) {
    super(reason, null, false, false);
  }
}
