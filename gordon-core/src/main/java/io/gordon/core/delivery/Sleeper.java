package io.gordon.core.delivery;

import java.time.Duration;

/** Waits between retries; injectable so that retry tests do not sleep for real. */
@FunctionalInterface
public interface Sleeper {
  /** Waits {@code delay}; may return early when the service aborts. */
  void sleep(Duration delay) throws InterruptedException;
}
