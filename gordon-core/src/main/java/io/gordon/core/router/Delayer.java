package io.gordon.core.router;

import io.gordon.core.delivery.Sleeper;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task after a delay: how a retry waits without holding a thread. The lane of the message
 * stays suspended meanwhile; the task resumes it.
 */
interface Delayer extends AutoCloseable {
  /** Runs {@code task} after {@code delay}, on another thread. */
  void later(Duration delay, Runnable task);

  /** Drops the tasks not yet run. */
  @Override
  void close();

  /** One daemon timer thread for the whole router. */
  static Delayer timer() {
    ScheduledThreadPoolExecutor ex =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("gordon-retry").daemon(true).factory());
    ex.setRemoveOnCancelPolicy(true);
    return new Delayer() {
      @Override
      public void later(Duration delay, Runnable task) {
        ex.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
      }

      @Override
      public void close() {
        ex.shutdownNow();
      }
    };
  }

  /** Tests: {@code sleeper} records the delay (and returns), then the task runs at once. */
  static Delayer of(Sleeper sleeper) {
    return new Delayer() {
      @Override
      public void later(Duration delay, Runnable task) {
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    sleeper.sleep(delay);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  task.run();
                });
      }

      @Override
      public void close() {}
    };
  }
}
