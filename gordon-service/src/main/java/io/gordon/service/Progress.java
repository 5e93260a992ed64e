package io.gordon.service;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Progress of long CLI work on a terminal: one line on stderr, rewritten every second, with the
 * count, the rate and the time left. Silent when stderr is not a terminal (scripts, logs).
 */
final class Progress implements AutoCloseable {
  private final PrintStream err;
  private final String what;
  private final long total;
  private final Supplier<Long> done;
  private final Thread ticker;
  private final long started = System.nanoTime();

  private Progress(PrintStream err, String what, long total, Supplier<Long> done) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.done = done;
    this.ticker = Thread.ofPlatform().daemon().name("gordon-progress").unstarted(this::tick);
  }

  /**
   * Starts showing the progress of {@code total} items, {@code done} of which are finished, when
   * stderr is a terminal; a silent instance otherwise.
   */
  static Progress start(String what, long total, Supplier<Long> done) {
    Progress p = new Progress(System.err, what, total, done);
    if (onTerminal() && total > 0) {
      p.ticker.start();
    }
    return p;
  }

  /** The settled count of a router's totals (applied, skipped, dead-lettered, redelivered). */
  static long settled(Map<String, Long> stats) {
    return stats.getOrDefault("applied", 0L)
        + stats.getOrDefault("skipped", 0L)
        + stats.getOrDefault("dead_lettered", 0L)
        + stats.getOrDefault("redelivered", 0L);
  }

  /** The line shown after {@code elapsed} with {@code n} of the items done. */
  static String line(String what, long n, long total, Duration elapsed) {
    double secs = Math.max(elapsed.toMillis(), 1) / 1000.0;
    double rate = n / secs;
    String eta = rate <= 0 ? "?" : (long) Math.ceil((total - n) / rate) + "s";
    return String.format(
        "%s: %d/%d (%d%%), %.0f/s, %s left",
        what, n, total, total == 0 ? 100 : n * 100 / total, rate, eta);
  }

  private void tick() {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(1000);
        show();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void show() {
    err.print(
        "\r"
            + line(what, done.get(), total, Duration.ofNanos(System.nanoTime() - started))
            + "\033[K");
    err.flush();
  }

  /** Stops the ticker; on a terminal, shows the final count and ends the line. */
  @Override
  public void close() {
    if (ticker.isAlive()) {
      ticker.interrupt();
      show();
      err.println();
    }
  }

  /**
   * Whether the streams are a terminal. From JDK 22 on System.console() is not null for redirected
   * streams too and only Console.isTerminal() (JDK 22+: called by reflection, the code targets 21)
   * tells; on JDK 21 a console means a terminal.
   */
  @SuppressWarnings("SystemConsoleNull") // null on JDK 21 when not a terminal
  private static boolean onTerminal() {
    java.io.Console c = System.console();
    if (c == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
