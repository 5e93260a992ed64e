package io.gordon.core.router;

/**
 * Names of the metrics the router emits. The first six are the original gordon's, with the same
 * attributes; the rest are new. Documented in docs/operations.md.
 */
public final class RouterMetrics {
  /** Counter, one per message taken in (not per hop). */
  public static final String CONSUMED = "router-message-consumed";
  /** Gauge: number of messages in flight. */
  public static final String IN_FLIGHT = "router-messages-in-flight";
  /** Timer from intake to settlement, attribute {@code unit=seconds}. */
  public static final String FLIGHT_DURATION = "router-message-flight-duration";
  /** Counter per phase change, attributes {@code current} and {@code next}. */
  public static final String UPDATE_PHASE = "router-update-message-phase";
  /** Counter of messages that reached cleanup normally (applied or skipped). */
  public static final String COMPLETED = "router-message-completed";
  /** Counter of messages that failed, attribute {@code error} (exception class). */
  public static final String DROPPED = "router-message-dropped";
  /** Counter of retries, attributes {@code phase} and {@code plugin}. */
  public static final String RETRIED = io.gordon.core.delivery.StageRunner.RETRIED;
  /** Counter of messages parked in the dead-letter sink, attribute {@code phase}. */
  public static final String DEAD_LETTERED = "router-message-dead-lettered";
  /** Counter of dead-letter writes that failed (the message is redelivered instead). */
  public static final String DEAD_LETTER_FAILED = "router-dead-letter-failed";
  /** Counter of messages handed back to the source (nack), attribute {@code reason}. */
  public static final String REDELIVERED = "router-message-redelivered";
  /** Counter of stale events skipped. */
  public static final String STALE = "router-message-stale";
  /** Counter of duplicate message ids skipped. */
  public static final String DUPLICATE = "router-message-duplicate";
  /** Timer per phase, attributes {@code phase} and {@code unit=seconds}. */
  public static final String PHASE_DURATION = "router-phase-duration";
  /** Gauge of changes per provider apply call, attributes {@code provider}, {@code zone}. */
  public static final String BATCH_SIZE = ZoneBatcher.BATCH_SIZE;

  private RouterMetrics() {}
}
