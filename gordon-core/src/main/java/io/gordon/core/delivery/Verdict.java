package io.gordon.core.delivery;

import io.gordon.api.model.EventMessage;

/** What became of a message in one phase after every attempt the retry policy allows. */
public sealed interface Verdict {
  /** The message as it stands (with history). */
  EventMessage message();

  /**
   * The phase handled the message.
   *
   * @param message the message the handler returned
   */
  record Done(EventMessage message) implements Verdict {}

  /**
   * Nothing to do (a stale event): ack without applying.
   *
   * @param message the message
   * @param reason why
   */
  record Skip(EventMessage message, String reason) implements Verdict {}

  /**
   * The message cannot be applied: park it in the dead-letter sink, then ack.
   *
   * @param message the message
   * @param reason why
   * @param error the exception class, for the router-message-dropped metric
   */
  record Park(EventMessage message, String reason, String error) implements Verdict {}

  /**
   * Retries ran out (or the service is stopping): the source must redeliver (nack).
   *
   * @param message the message
   * @param reason why
   * @param error the exception class, for the router-message-dropped metric
   */
  record GiveUp(EventMessage message, String reason, String error) implements Verdict {}
}
