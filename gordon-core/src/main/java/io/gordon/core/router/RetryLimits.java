package io.gordon.core.router;

import io.gordon.api.model.EventMessage;
import io.gordon.core.delivery.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * When a {@link MessageFlow} stops retrying a failed phase (deadline, shutdown, attempts), and what
 * the message's history says about a retry. Thread-safe (no state of its own).
 */
final class RetryLimits {
  private final RetryPolicy retry;
  private final BooleanSupplier aborting;

  RetryLimits(RetryPolicy retry, BooleanSupplier aborting) {
    this.retry = retry;
    this.aborting = aborting;
  }

  /** Why retrying must stop (deadline, shutdown, attempts), or null to retry. */
  String whyStop(EventMessage m, String phase, int tries, String what, Instant now) {
    if (!retry.deadline().isZero() && now.isAfter(m.createdAt().plus(retry.deadline()))) {
      return "still failing after the retry deadline of "
          + Router.seconds(retry.deadline())
          + "s (created "
          + m.createdAt()
          + "): "
          + what;
    }
    if (aborting.getAsBoolean()) {
      return "shutting down while retrying phase " + phase + ": " + what;
    }
    if (tries >= retry.attempts()) {
      return "gave up after " + tries + " attempts in phase " + phase + ": " + what;
    }
    return null;
  }

  /** The history text of failed try {@code number}, retried in {@code delay}. */
  String retrying(int number, String what, Duration delay) {
    return "attempt "
        + number
        + " of "
        + retry.attempts()
        + " failed: "
        + what
        + "; retrying in "
        + Router.seconds(delay)
        + "s";
  }
}
