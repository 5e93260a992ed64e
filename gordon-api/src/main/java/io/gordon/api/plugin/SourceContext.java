package io.gordon.api.plugin;

import io.gordon.api.model.EventMessage;
import java.util.Map;

/**
 * What a running {@link EventSource} hands its messages to. Thread-safe.
 */
public interface SourceContext {
  /**
   * Hands a message to the router. Blocks while {@code core.max_in_flight} messages are in
   * flight, which is how back-pressure reaches the source. {@code delivery} is told the outcome
   * exactly once. Messages too old for {@code max_msg_age} are dead-lettered with that reason.
   *
   * @throws InterruptedException when the source's thread is interrupted (shutdown)
   */
  void submit(EventMessage message, Delivery delivery) throws InterruptedException;

  /**
   * Parks input that could not be decoded in the dead-letter sink with {@code reason}, then tells
   * {@code delivery}: dead-lettered (ack), or redeliver if the sink failed.
   *
   * @param id the source's id for the input (e.g. the Pub/Sub message id)
   * @param payload the input as received, for the operator to inspect
   * @param reason what is wrong with it, naming the field and the rule
   * @param attributes source metadata to keep with it
   */
  void reject(String id, String payload, String reason, Map<String, String> attributes,
      Delivery delivery) throws InterruptedException;

  /** Whether the service is shutting down; a source stops taking new input once true. */
  boolean stopping();
}
