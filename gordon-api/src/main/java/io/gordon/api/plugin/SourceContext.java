package io.gordon.api.plugin;

import io.gordon.api.model.EventMessage;
import java.util.Map;

/** What a running {@link EventSource} hands its messages to. Thread-safe. */
public interface SourceContext {
  /**
   * Hands a message the source receives for the first time (its intake) to the router. Blocks while
   * {@code core.max_in_flight} messages are in flight, which is how back-pressure reaches the
   * source. {@code delivery} is told the outcome exactly once.
   *
   * <p>The intake rules apply here, and only here: a message older than the source's {@code
   * max_msg_age} (counted from {@link EventMessage#createdAt()}) is dead-lettered with that reason,
   * and an event whose timestamp lies further ahead of this host's clock than {@code
   * core.max_clock_skew} is dead-lettered as refused.
   *
   * @throws InterruptedException when the source's thread is interrupted (shutdown)
   */
  void submit(EventMessage message, Delivery delivery) throws InterruptedException;

  /**
   * Hands back a message this source accepted before: a spool line replayed after a restart or
   * after a {@link Outcome.Redeliver} outcome, a Pub/Sub message redelivered after a nack. Like
   * {@link #submit} (same back-pressure, same single settlement), except that the intake rules are
   * not applied again: an accepted message is never dead-lettered for its age. It is retried until
   * {@code core.retry.deadline} (counted from {@link EventMessage#createdAt()}) has passed, and
   * only then dead-lettered with that reason.
   *
   * <p>The default calls {@link #submit}, for contexts that have no intake rules.
   *
   * @throws InterruptedException when the source's thread is interrupted (shutdown)
   */
  default void resubmit(EventMessage message, Delivery delivery) throws InterruptedException {
    submit(message, delivery);
  }

  /**
   * Parks input that could not be decoded in the dead-letter sink with {@code reason}, then tells
   * {@code delivery}: dead-lettered (ack), or redeliver if the sink failed.
   *
   * @param id the source's id for the input (e.g. the Pub/Sub message id)
   * @param payload the input as received, for the operator to inspect
   * @param reason what is wrong with it, naming the field and the rule
   * @param attributes source metadata to keep with it
   */
  void reject(
      String id, String payload, String reason, Map<String, String> attributes, Delivery delivery)
      throws InterruptedException;

  /** Whether the service is shutting down; a source stops taking new input once true. */
  boolean stopping();
}
