package io.gordon.core.delivery;

import io.gordon.core.config.CoreSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * core.retry: how often and how long a retriable failure is retried. Delays grow exponentially from
 * {@code initialDelay}, capped at {@code maxDelay}, with full jitter; a failing party's Retry-After
 * is honoured as a minimum.
 *
 * @param attempts tries per delivery, at least 1
 * @param initialDelay delay before the first retry
 * @param maxDelay longest delay
 * @param deadline how long after its creation a message may still be retried; zero disables
 */
public record RetryPolicy(
    int attempts, Duration initialDelay, Duration maxDelay, Duration deadline) {

  /** Validates the values. */
  public RetryPolicy {
    if (attempts < 1) {
      throw new IllegalArgumentException("retry attempts is " + attempts + " (expected >= 1)");
    }
    Objects.requireNonNull(initialDelay, "initialDelay == null");
    Objects.requireNonNull(maxDelay, "maxDelay == null");
    Objects.requireNonNull(deadline, "deadline == null");
  }

  /** The policy of {@code [core.retry]}. */
  public static RetryPolicy of(CoreSettings.Retry r) {
    return new RetryPolicy(r.attempts(), r.initialDelay(), r.maxDelay(), r.deadline());
  }

  /**
   * The delay before retry number {@code retry} (1 for the first retry): a uniform random value
   * between zero and min(maxDelay, initialDelay * 2^(retry-1)), at least {@code retryAfter}.
   */
  public Duration backoff(int retry, Optional<Duration> retryAfter) {
    long cap = maxDelay.toNanos();
    long base = initialDelay.toNanos();
    int shift = Math.min(Math.max(retry - 1, 0), 62);
    long exp = base > (cap >> shift) ? cap : Math.min(cap, base << shift);
    long jittered = exp <= 0 ? 0 : ThreadLocalRandom.current().nextLong(exp + 1);
    Duration d = Duration.ofNanos(jittered);
    return retryAfter.filter(ra -> ra.compareTo(d) > 0).orElse(d);
  }
}
