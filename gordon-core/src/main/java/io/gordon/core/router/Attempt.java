package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.core.delivery.Failure;

/**
 * What one attempt of one phase gave: the one shape every stage reports in, synchronous (handlers)
 * or not (the providers' batches). {@link MessageFlow} turns it into the next phase, a retry, or
 * the message's {@link io.gordon.api.plugin.Outcome}.
 */
sealed interface Attempt {
  /** The message as it stands after the attempt (with its history). */
  EventMessage message();

  /**
   * The phase handled the message; the route goes on with {@code message}.
   *
   * @param message what the stage returned
   */
  record Done(EventMessage message) implements Attempt {}

  /**
   * Nothing to do (every record is stale): settle as skipped.
   *
   * @param message the message, its history naming the stale records
   * @param reason why
   */
  record Skipped(EventMessage message, String reason) implements Attempt {}

  /**
   * The attempt failed; {@link #kind()} says whether another try may help.
   *
   * @param message the message the attempt was given
   * @param error what failed
   */
  record Failed(EventMessage message, Throwable error) implements Attempt {
    /** Retriable, permanent or unexpected (see {@link Failure#of}). */
    Failure kind() {
      return Failure.of(error);
    }

    /** A one-line description of the error. */
    String what() {
      return Failure.describe(error);
    }
  }
}
