package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** One message in flight: what the router needs to route it and settle it exactly once. */
final class Flight {
  final String id;
  final String key;
  final Delivery delivery;
  final long startNanos = System.nanoTime();
  final AtomicBoolean settled = new AtomicBoolean();

  /**
   * Hands an attempt's result from a stage to the flow: the stage's callback and the thread that
   * called the stage race for it (see {@link MessageFlow}).
   */
  final AtomicReference<Object> handoff = new AtomicReference<>();

  /** The message as it stands; written by whoever runs the flight's current step. */
  volatile EventMessage message;

  /** What to run when the lane resumes this flight after an asynchronous step, if anything. */
  volatile MessageFlow.Resume resume;

  /** The id's 128-bit hash in the dedup window, set when {@link IdWindow} first sees the flight. */
  long idHi;

  long idLo;

  /** Phase changes so far, to stop a looping route. */
  int hops;

  /** Copies of this message that arrived while it was in flight: answered with it. */
  private List<Flight> copies;

  private boolean copiesClosed;

  Flight(EventMessage message, Delivery delivery) {
    this.id = message.id();
    this.key = message.orderingKey();
    this.message = message;
    this.delivery = delivery;
  }

  /**
   * Holds {@code copy} (same id) until this flight settles; false when it has settled already, so
   * that the caller looks the id up again.
   */
  synchronized boolean hold(Flight copy) {
    if (copiesClosed) {
      return false;
    }
    if (copies == null) {
      copies = new ArrayList<>(1);
    }
    copies.add(copy);
    return true;
  }

  /** The copies held so far; none can be added after this call. */
  synchronized List<Flight> releaseCopies() {
    copiesClosed = true;
    return copies == null ? List.of() : copies;
  }
}
