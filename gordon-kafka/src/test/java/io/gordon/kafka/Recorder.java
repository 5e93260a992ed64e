package io.gordon.kafka;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link SourceContext} that records what a source submits and rejects; the test settles each
 * through its delivery. {@link #block()} makes submit() wait, as a full router does.
 */
final class Recorder implements SourceContext {
  /** One submitted message or rejected input. */
  record Item(
      String id,
      EventMessage message,
      String payload,
      String reason,
      Map<String, String> attributes,
      Delivery delivery) {
    void settle(Outcome outcome) {
      delivery.settle(id, outcome, List.of());
    }

    boolean rejected() {
      return message == null;
    }

    long offset() {
      return Long.parseLong(attributes.get("offset"));
    }

    int partition() {
      return Integer.parseInt(attributes.get("partition"));
    }
  }

  final BlockingQueue<Item> items = new LinkedBlockingQueue<>();

  /** The ids of the messages handed back through resubmit() (no intake rules), in order. */
  final List<String> resubmitted = new CopyOnWriteArrayList<>();

  private boolean blocked;
  volatile boolean stopping;

  /** Makes every later submit() wait until {@link #unblock()}. */
  synchronized void block() {
    blocked = true;
  }

  synchronized void unblock() {
    blocked = false;
    notifyAll();
  }

  @Override
  public void submit(EventMessage message, Delivery delivery) throws InterruptedException {
    synchronized (this) {
      while (blocked) {
        wait();
      }
    }
    items.add(new Item(message.id(), message, null, null, message.attributes(), delivery));
  }

  @Override
  public void resubmit(EventMessage message, Delivery delivery) throws InterruptedException {
    resubmitted.add(message.id());
    submit(message, delivery);
  }

  @Override
  public void reject(
      String id, String payload, String reason, Map<String, String> attributes, Delivery delivery) {
    items.add(new Item(id, null, payload, reason, attributes, delivery));
  }

  @Override
  public boolean stopping() {
    return stopping;
  }

  /** The next item, waiting up to 60 s. */
  Item next() throws InterruptedException {
    Item i = items.poll(60, TimeUnit.SECONDS);
    if (i == null) {
      throw new AssertionError("nothing was submitted within 60 s");
    }
    return i;
  }

  /** Nothing more arrives within {@code millis}. */
  Item poll(long millis) throws InterruptedException {
    return items.poll(millis, TimeUnit.MILLISECONDS);
  }
}
