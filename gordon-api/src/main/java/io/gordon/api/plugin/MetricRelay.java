package io.gordon.api.plugin;

import java.time.Duration;
import java.util.Map;

/**
 * Emits metrics, with the original gordon's vocabulary: counters ({@link #incr}), gauges ({@link
 * #set}) and timers ({@link #timer}); {@code context} holds the attributes. Called on hot paths
 * from many threads: implementations must be fast, thread-safe and never throw.
 */
public interface MetricRelay {
  /** Adds {@code value} to counter {@code name}. */
  void incr(String name, long value, Map<String, String> context);

  /** Sets gauge {@code name} to {@code value}. */
  void set(String name, double value, Map<String, String> context);

  /** Records one duration for timer {@code name}. */
  void timing(String name, Duration elapsed, Map<String, String> context);

  /** Adds one to counter {@code name}. */
  default void incr(String name) {
    incr(name, 1, Map.of());
  }

  /** Adds one to counter {@code name} with attributes. */
  default void incr(String name, Map<String, String> context) {
    incr(name, 1, context);
  }

  /** Starts a timer that records into {@link #timing} when stopped or closed. */
  default MetricTimer timer(String name, Map<String, String> context) {
    return new MetricTimer(this, name, context);
  }

  /** Flushes and releases resources at shutdown. The default does nothing. */
  default void cleanup() {}

  /** A relay that drops everything. */
  static MetricRelay noop() {
    return new MetricRelay() {
      @Override
      public void incr(String name, long value, Map<String, String> context) {}

      @Override
      public void set(String name, double value, Map<String, String> context) {}

      @Override
      public void timing(String name, Duration elapsed, Map<String, String> context) {}
    };
  }
}
