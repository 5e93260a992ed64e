package io.gordon.core.runtime;

import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.SourceContext;
import io.gordon.core.delivery.Failure;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one source on a thread of its own. A source whose run() throws or returns before stop is
 * logged, reported unhealthy and restarted with exponential backoff (1 s doubling to 30 s); it is
 * reported healthy again once a restarted run has lasted 10 s.
 */
final class SourceSupervisor {
  private static final Logger LOG = LoggerFactory.getLogger("gordon.runtime");
  private static final Duration STABLE = Duration.ofSeconds(10);
  private final String name;
  private final EventSource source;
  private final SourceContext context;
  private final HealthReporter health;
  private final Duration firstBackoff;
  private final CountDownLatch stop = new CountDownLatch(1);
  private volatile boolean stopping;
  private final java.util.concurrent.atomic.AtomicInteger attempt =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile boolean running;
  private Thread thread;

  SourceSupervisor(
      String name,
      EventSource source,
      SourceContext context,
      HealthReporter health,
      Duration firstBackoff) {
    this.name = name;
    this.source = source;
    this.context = context;
    this.health = health;
    this.firstBackoff = firstBackoff;
  }

  void start() {
    thread = Thread.ofPlatform().name("gordon-source-" + name).daemon(true).start(this::loop);
  }

  /** Asks the source to stop taking input. */
  void stop() {
    stopping = true;
    stop.countDown();
    try {
      source.stop();
    } catch (RuntimeException e) {
      LOG.warn("source {} failed to stop: {}", name, Failure.describe(e), e);
    }
  }

  /** Waits up to {@code timeout} for run() to return, then interrupts it. */
  void join(Duration timeout) throws InterruptedException {
    if (thread != null && !thread.join(timeout)) {
      LOG.warn(
          "source {} did not return from run() within {}s; interrupting it",
          name,
          timeout.toSeconds());
      thread.interrupt();
      thread.join(Duration.ofSeconds(1));
    }
  }

  private void loop() {
    Duration backoff = firstBackoff;
    boolean failed = false;
    while (!stopping) {
      long started = System.nanoTime();
      String failure;
      try {
        int mine = attempt.incrementAndGet();
        running = true;
        if (failed) {
          markHealthyIfStable(mine);
        }
        source.run(context);
        if (stopping) {
          return;
        }
        failure = "run() returned before stop";
      } catch (InterruptedException e) {
        if (stopping) {
          return;
        }
        failure = "run() was interrupted";
      } catch (Exception | Error e) {
        if (stopping) {
          return;
        }
        failure = Failure.describe(e);
        LOG.error("source {} failed: {}", name, failure, e);
      }
      failed = true;
      running = false;
      if (System.nanoTime() - started > STABLE.toNanos()) {
        backoff = firstBackoff;
      }
      health.unhealthy(failure);
      LOG.error(
          "source {} stopped unexpectedly ({}); restarting in {} ms",
          name,
          failure,
          backoff.toMillis());
      try {
        stop.await(backoff.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      backoff =
          backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
              ? Duration.ofSeconds(30)
              : backoff.multipliedBy(2);
    }
  }

  private void markHealthyIfStable(int mine) {
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                if (!stop.await(STABLE.toMillis(), TimeUnit.MILLISECONDS)
                    && attempt.get() == mine
                    && running) {
                  health.healthy();
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
  }
}
