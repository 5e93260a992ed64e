package io.gordon.api;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A failure that may succeed if the same work is tried again later: a timeout, a 5xx or 429 answer,
 * an unreachable server. The router retries it with exponential backoff and jitter and, once the
 * retry budget is spent, asks the source to redeliver the message (nack).
 */
public class RetriableException extends GordonException {
  private static final long serialVersionUID = 1L;
  private final @Nullable Duration retryAfter;

  /** Creates a retriable failure. */
  public RetriableException(String message) {
    this(message, null, null);
  }

  /** Creates a retriable failure with its cause. */
  public RetriableException(String message, @Nullable Throwable cause) {
    this(message, cause, null);
  }

  /**
   * Creates a retriable failure that asks for at least {@code retryAfter} before the next try (for
   * example from a {@code Retry-After} header); {@code null} means no minimum.
   */
  public RetriableException(
      String message, @Nullable Throwable cause, @Nullable Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The minimum delay the failing party asked for, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
