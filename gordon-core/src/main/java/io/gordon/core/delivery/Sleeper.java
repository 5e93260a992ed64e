package io.gordon.core.delivery;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Waits between retries; injectable so that retry tests do not sleep for real. */
@FunctionalInterface
public interface Sleeper {
  /** Waits {@code delay}; may return early when the service aborts. */
  void sleep(Duration delay) throws InterruptedException;

  /** Sleeps for real, waking early once {@code abort} is counted down. */
  static Sleeper until(CountDownLatch abort) {
    return delay -> abort.await(delay.toNanos(), TimeUnit.NANOSECONDS);
  }
}
