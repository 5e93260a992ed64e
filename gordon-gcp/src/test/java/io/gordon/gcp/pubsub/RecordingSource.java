package io.gordon.gcp.pubsub;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for the router: records what the source submits and lets the test settle each message;
 * rejected input is "dead-lettered" at once, as the core does when its sink works.
 */
final class RecordingSource implements SourceContext {
  record Submitted(EventMessage message, Delivery delivery, boolean resubmitted) {
    void settle(Outcome outcome) {
      delivery.settle(message.id(), outcome, message.history());
    }
  }

  record Rejected(String id, String payload, String reason) {}

  final List<Submitted> submitted = Collections.synchronizedList(new ArrayList<>());
  final List<Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger failNextSubmits = new AtomicInteger();

  @Override
  public void submit(EventMessage message, Delivery delivery) {
    if (failNextSubmits.getAndDecrement() > 0) {
      throw new IllegalStateException("router refused " + message.id());
    }
    submitted.add(new Submitted(message, delivery, false));
  }

  @Override
  public void resubmit(EventMessage message, Delivery delivery) {
    submitted.add(new Submitted(message, delivery, true));
  }

  @Override
  public void reject(
      String id, String payload, String reason, Map<String, String> attributes, Delivery delivery) {
    rejected.add(new Rejected(id, payload, reason));
    delivery.settle(id, new Outcome.DeadLettered(reason), List.of());
  }

  @Override
  public boolean stopping() {
    return false;
  }

  List<String> ids() {
    synchronized (submitted) {
      return submitted.stream().map(s -> s.message().id()).toList();
    }
  }

  Submitted get(int i) {
    return submitted.get(i);
  }

  int count() {
    return submitted.size();
  }
}
