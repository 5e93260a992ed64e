package io.gordon.testing.fakes;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MessageHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A message handler for one phase that records the ids it saw, in order, and applies a scriptable
 * behaviour (default: return the message unchanged). Counts lifecycle calls.
 */
public final class RecordingHandler implements MessageHandler {
  private final String phase;
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger shutdowns = new AtomicInteger();
  private volatile UnaryOperator<EventMessage> behaviour = m -> m;

  /** Creates a handler for {@code phase}. */
  public RecordingHandler(String phase) {
    this.phase = phase;
  }

  /** Sets what {@link #handle} does after recording the id (may throw). */
  public RecordingHandler behave(UnaryOperator<EventMessage> b) {
    this.behaviour = b;
    return this;
  }

  @Override
  public String phase() {
    return phase;
  }

  @Override
  public EventMessage handle(EventMessage message) {
    seen.add(message.id());
    return behaviour.apply(message);
  }

  @Override
  public void shutdown() {
    shutdowns.incrementAndGet();
  }

  /** Ids handled, in call order (a retried message appears once per attempt). */
  public List<String> seen() {
    return List.copyOf(seen);
  }

  /** Times shutdown() was called. */
  public int shutdowns() {
    return shutdowns.get();
  }
}
