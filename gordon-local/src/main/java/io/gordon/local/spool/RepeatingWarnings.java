package io.gordon.local.spool;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Warnings about a file that the reader retries on every scan (a damaged progress sidecar, a file
 * it may not read): each is logged when it first occurs or its text changes, then at most once per
 * interval with how often it recurred. Without this, one damaged file wrote a warning every second
 * for as long as nobody fixed it, burying every other line. Used by one thread (the reader's).
 */
final class RepeatingWarnings {
  /** How often a warning that keeps recurring is logged again. */
  static final Duration INTERVAL = Duration.ofMinutes(5);

  private record Seen(String text, Instant logged, int since) {}

  private final Clock clock;
  private final System.Logger log;
  private final Map<Object, Seen> seen = new HashMap<>();

  RepeatingWarnings(Clock clock, System.Logger log) {
    this.clock = clock;
    this.log = log;
  }

  /** Logs {@code text} about {@code key} unless the same text was logged within the interval. */
  void warn(Object key, String text) {
    Instant now = clock.instant();
    Seen last = seen.get(key);
    if (last == null || !last.text().equals(text)) {
      log.log(System.Logger.Level.WARNING, text);
      seen.put(key, new Seen(text, now, 0));
    } else if (!now.isBefore(last.logged().plus(INTERVAL))) {
      log.log(
          System.Logger.Level.WARNING,
          text + " (still; " + (last.since() + 1) + " times since " + last.logged() + ")");
      seen.put(key, new Seen(text, now, 0));
    } else {
      seen.put(key, new Seen(text, last.logged(), last.since() + 1));
    }
  }

  /** Forgets {@code key}'s warning: it went away, so a recurrence is news again. */
  void clear(Object key) {
    seen.remove(key);
  }
}
