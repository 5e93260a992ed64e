package io.gordon.api.plugin;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running timer; {@link #stop()} (or closing it) records the elapsed time once. Measures with
 * {@link System#nanoTime()}, which is monotonic.
 */
public final class MetricTimer implements AutoCloseable {
  private final MetricRelay relay;
  private final String name;
  private final Map<String, String> context;
  private final long startNanos = System.nanoTime();
  private final AtomicBoolean stopped = new AtomicBoolean();

  /** Starts timing {@code name} now. */
  public MetricTimer(MetricRelay relay, String name, Map<String, String> context) {
    this.relay = relay;
    this.name = name;
    this.context = Map.copyOf(context);
  }

  /** Records the elapsed time; later calls do nothing. Returns the elapsed time. */
  public Duration stop() {
    Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);
    if (stopped.compareAndSet(false, true)) {
      relay.timing(name, elapsed, context);
    }
    return elapsed;
  }

  /** Same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }
}
