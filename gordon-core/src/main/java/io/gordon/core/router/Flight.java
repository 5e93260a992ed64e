package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import java.util.concurrent.atomic.AtomicBoolean;

/** One message in flight: what the router needs to settle it exactly once. */
final class Flight {
  final String id;
  final String key;
  final Delivery delivery;
  final long startNanos = System.nanoTime();
  final AtomicBoolean settled = new AtomicBoolean();
  /** The message as it stands; written only by the lane processing it. */
  volatile EventMessage message;
  /** What to do when the lane resumes this flight after an asynchronous step, if anything. */
  volatile Processor.Step resume;

  Flight(EventMessage message, Delivery delivery) {
    this.id = message.id();
    this.key = message.orderingKey();
    this.message = message;
    this.delivery = delivery;
  }
}
