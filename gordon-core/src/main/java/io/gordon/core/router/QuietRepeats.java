package io.gordon.core.router;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * Logs the first of a run of like lines (same key) in full and then at most one per window; the
 * lines in between go to DEBUG, and the next line shown says how many were held back. During a
 * provider outage every message logged its own retry and hand-back lines: with BIND stopped under
 * 100 events/s, about 13,000 lines a minute (acceptance pass 7). The metrics still count each one.
 */
final class QuietRepeats {
  static final Duration WINDOW = Duration.ofSeconds(10);
  private final Map<String, Run> runs = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  QuietRepeats() {
    this(System::nanoTime);
  }

  QuietRepeats(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /**
   * Logs {@code format} with {@code args} at {@code level}, or at DEBUG if {@code key} was shown
   * within the window.
   */
  void log(Logger log, Level level, String key, String format, Object... args) {
    long held = runs.computeIfAbsent(key, k -> new Run()).show(nanos.getAsLong());
    if (held < 0) {
      log.debug(format, args);
    } else if (held == 0) {
      log.atLevel(level).log(format, args);
    } else {
      log.atLevel(level)
          .log(
              format
                  + " ("
                  + held
                  + " more like it in the last "
                  + WINDOW.toSeconds()
                  + " s or so, logged at debug)",
              args);
    }
  }

  /** One key's run: when a line was last shown and how many were held back since. */
  private static final class Run {
    private long shownAt;
    private boolean shown;
    private long held;

    /** -1 to hold this line back, else the number held back before it (and it is shown). */
    synchronized long show(long now) {
      if (shown && now - shownAt < WINDOW.toNanos()) {
        held++;
        return -1;
      }
      long before = held;
      shown = true;
      shownAt = now;
      held = 0;
      return before;
    }
  }
}
