package io.gordon.testing.fakes;

import io.gordon.api.model.EventMessage;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.SourceContext;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory event source: {@link #emit} queues messages, {@link #run} submits them to the router
 * in order, and every settlement is recorded in {@link #delivery()}. Counts start, run and shutdown
 * calls for lifecycle tests. Thread-safe.
 */
public class FakeEventSource implements EventSource {
  private final BlockingQueue<EventMessage> queue = new LinkedBlockingQueue<>();
  private final RecordingDelivery delivery = new RecordingDelivery();
  private final AtomicInteger starts = new AtomicInteger();
  private final AtomicInteger runs = new AtomicInteger();
  private final AtomicInteger shutdowns = new AtomicInteger();
  private final AtomicInteger submitted = new AtomicInteger();
  private volatile boolean stopped;
  private volatile RuntimeException failRunWith;

  /** Queues messages for {@link #run} to submit, in order. */
  public void emit(EventMessage... messages) {
    queue.addAll(List.of(messages));
  }

  /** Makes the next {@link #run} throw {@code e} at once (to test supervision). */
  public void failNextRun(RuntimeException e) {
    this.failRunWith = e;
  }

  @Override
  public void start() {
    starts.incrementAndGet();
  }

  @Override
  public void run(SourceContext context) throws Exception {
    runs.incrementAndGet();
    RuntimeException f = failRunWith;
    if (f != null) {
      failRunWith = null;
      throw f;
    }
    Delivery d = this::settled;
    while (!stopped && !context.stopping()) {
      EventMessage m = queue.poll(20, TimeUnit.MILLISECONDS);
      if (m != null) {
        context.submit(m, d);
        submitted.incrementAndGet();
      }
    }
  }

  /** Called for every settlement; records it. Subclasses may add acking behaviour. */
  protected void settled(String id, Outcome outcome, List<HistoryEntry> history) {
    delivery.settle(id, outcome, history);
  }

  @Override
  public void stop() {
    stopped = true;
  }

  @Override
  public void shutdown() {
    shutdowns.incrementAndGet();
  }

  /** The recorded settlements. */
  public RecordingDelivery delivery() {
    return delivery;
  }

  /** Messages submitted so far. */
  public int submitted() {
    return submitted.get();
  }

  /** Times start() was called. */
  public int starts() {
    return starts.get();
  }

  /** Times run() was called. */
  public int runs() {
    return runs.get();
  }

  /** Times shutdown() was called. */
  public int shutdowns() {
    return shutdowns.get();
  }

  /** Whether stop() was called. */
  public boolean stopped() {
    return stopped;
  }
}
