package io.gordon.local;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records what a source submits and rejects; the test settles each through its delivery. */
public final class RecordingSourceContext implements SourceContext {
  /**
   * One submitted message or rejected input; {@code resubmitted} when handed back as accepted
   * before ({@link SourceContext#resubmit}).
   */
  public record Item(
      String id,
      EventMessage message,
      String payload,
      String reason,
      Map<String, String> attributes,
      Delivery delivery,
      boolean resubmitted) {
    public void settle(Outcome outcome) {
      delivery.settle(id, outcome, List.of());
    }

    public boolean rejected() {
      return message == null;
    }
  }

  public final BlockingQueue<Item> items = new LinkedBlockingQueue<>();
  public volatile boolean stopping;

  @Override
  public void submit(EventMessage message, Delivery delivery) {
    items.add(new Item(message.id(), message, null, null, message.attributes(), delivery, false));
  }

  @Override
  public void resubmit(EventMessage message, Delivery delivery) {
    items.add(new Item(message.id(), message, null, null, message.attributes(), delivery, true));
  }

  @Override
  public void reject(
      String id, String payload, String reason, Map<String, String> attributes, Delivery delivery) {
    items.add(new Item(id, null, payload, reason, attributes, delivery, false));
  }

  @Override
  public boolean stopping() {
    return stopping;
  }

  /** The next item, waiting up to 10 s. */
  public Item next() throws InterruptedException {
    Item i = items.poll(10, TimeUnit.SECONDS);
    if (i == null) {
      throw new AssertionError("nothing was submitted within 10 s");
    }
    return i;
  }
}
