package io.gordon.gcp;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter: attempt {@code n} (from 0) waits a random time between half
 * and all of {@code min(max, initial * 2^n)}.
 *
 * @param initial the first delay
 * @param max the longest delay
 */
public record Backoff(Duration initial, Duration max) {
  /** Validates the delays. */
  public Backoff {
    if (initial.isNegative() || max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "backoff needs 0 <= initial <= max but was " + initial + " and " + max);
    }
  }

  /** The delay before retry {@code attempt} (0 for the first retry). */
  public Duration delay(int attempt) {
    long cap = initial.toNanos() << Math.min(attempt, 30);
    if (cap < 0 || cap > max.toNanos()) {
      cap = max.toNanos();
    }
    if (cap <= 1) {
      return Duration.ofNanos(cap);
    }
    return Duration.ofNanos(cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1));
  }

  /** The undisturbed delay before retry {@code attempt}, without jitter. */
  public Duration ceiling(int attempt) {
    long cap = initial.toNanos() << Math.min(attempt, 30);
    return Duration.ofNanos(cap < 0 || cap > max.toNanos() ? max.toNanos() : cap);
  }

  /** Sleeps {@link #delay(int)}; returns false when interrupted (the flag is set again). */
  public boolean sleep(int attempt) {
    try {
      Thread.sleep(delay(attempt));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
