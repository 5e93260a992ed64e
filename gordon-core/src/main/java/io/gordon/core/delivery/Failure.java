package io.gordon.core.delivery;

import io.gordon.api.PermanentException;
import io.gordon.api.ProviderException;
import io.gordon.api.RetriableException;
import java.time.Duration;
import java.util.Optional;

/**
 * How a failure is treated: retried, parked, or (for exceptions gordon did not throw on purpose)
 * retried once and then parked.
 */
public enum Failure {
  /** Trying again later may succeed. */
  RETRIABLE,
  /** Trying again cannot help: dead-letter. */
  PERMANENT,
  /** Not a gordon exception: a plugin bug or an unforeseen condition. */
  UNEXPECTED;

  /** Classifies {@code t}. */
  public static Failure of(Throwable t) {
    if (t instanceof ProviderException p) {
      return p.retriable() ? RETRIABLE : PERMANENT;
    }
    if (t instanceof RetriableException) {
      return RETRIABLE;
    }
    if (t instanceof PermanentException) {
      return PERMANENT;
    }
    return UNEXPECTED;
  }

  /** The minimum delay {@code t} asks for, if any. */
  public static Optional<Duration> retryAfter(Throwable t) {
    return t instanceof RetriableException r ? r.retryAfter() : Optional.empty();
  }

  /** A one-line description: the message, or the class name when there is none. */
  public static String describe(Throwable t) {
    String m = t.getMessage();
    return m == null || m.isBlank() ? t.getClass().getName() : m;
  }
}
