package io.gordon.testing.fakes;

import io.gordon.api.plugin.MetricRelay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A metric relay that records every call, in order. Thread-safe. */
public final class RecordingMetricRelay implements MetricRelay {
  /**
   * One recorded call.
   *
   * @param kind "incr", "set" or "timing"
   * @param name metric name
   * @param value the value (seconds for timings)
   * @param context the attributes
   */
  public record Call(String kind, String name, double value, Map<String, String> context) {}

  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private volatile boolean cleanedUp;

  @Override
  public void incr(String name, long value, Map<String, String> context) {
    calls.add(new Call("incr", name, value, Map.copyOf(context)));
  }

  @Override
  public void set(String name, double value, Map<String, String> context) {
    calls.add(new Call("set", name, value, Map.copyOf(context)));
  }

  @Override
  public void timing(String name, Duration elapsed, Map<String, String> context) {
    calls.add(new Call("timing", name, elapsed.toNanos() / 1e9, Map.copyOf(context)));
  }

  @Override
  public void cleanup() {
    cleanedUp = true;
  }

  /** Every call so far. */
  public List<Call> calls() {
    return List.copyOf(calls);
  }

  /** The calls named {@code name}. */
  public List<Call> calls(String name) {
    return calls.stream().filter(c -> c.name().equals(name)).toList();
  }

  /** Sum of the incr values of {@code name}. */
  public long count(String name) {
    return (long)
        calls.stream()
            .filter(c -> c.kind().equals("incr") && c.name().equals(name))
            .mapToDouble(Call::value)
            .sum();
  }

  /** Whether {@link #cleanup()} was called. */
  public boolean cleanedUp() {
    return cleanedUp;
  }
}
