package io.gordon.core.router;

import java.util.Map;

/**
 * Names of the metrics the router emits. The first six are the original gordon's, with the same
 * attributes, and so is {@code msg-too-old}; the rest are new. Through the prometheus relay each
 * becomes a Prometheus name with its unit ({@code router_message_flight_duration_seconds}, {@code
 * router_message_consumed_total}); the other relays emit these names unchanged. Documented in
 * docs/operations.md.
 */
public final class RouterMetrics {
  /** Counter, one per message taken in (not per hop). */
  public static final String CONSUMED = "router-message-consumed";

  /** Gauge: number of messages in flight. */
  public static final String IN_FLIGHT = "router-messages-in-flight";

  /** Timer from intake to settlement (the processing latency), attribute {@code unit=seconds}. */
  public static final String FLIGHT_DURATION = "router-message-flight-duration";

  /** Counter per phase change, attributes {@code current} and {@code next}. */
  public static final String UPDATE_PHASE = "router-update-message-phase";

  /** Counter of messages that reached cleanup normally (applied or skipped). */
  public static final String COMPLETED = "router-message-completed";

  /** Counter of messages that failed, attribute {@code error} (exception class). */
  public static final String DROPPED = "router-message-dropped";

  /**
   * Counter of messages refused at intake for their age (the original's name), attributes {@code
   * plugin} (the source), {@code msg_id} and {@code msg_age} (seconds).
   */
  public static final String MSG_TOO_OLD = "msg-too-old";

  /**
   * Counter of settled messages, attribute {@code outcome}: applied, skipped, dead-lettered,
   * redeliver.
   */
  public static final String SETTLED = "router-message-settled";

  /** Counter of retries, attributes {@code phase} and {@code plugin}. */
  public static final String RETRIED = "router-message-retried";

  /**
   * Counter of messages parked in the dead-letter sink, attributes {@code phase} and {@code
   * reason}: max-msg-age, clock-skew, retry-deadline, permanent-error, unexpected-error, no-plugin,
   * route-loop, invalid-input.
   */
  public static final String DEAD_LETTERED = "router-message-dead-lettered";

  /** Counter of dead-letter writes that failed (the message is redelivered instead). */
  public static final String DEAD_LETTER_FAILED = "router-dead-letter-failed";

  /** Counter of messages handed back to the source (nack). */
  public static final String REDELIVERED = "router-message-redelivered";

  /** Counter of stale events skipped. */
  public static final String STALE = "router-message-stale";

  /** Counter of duplicate message ids skipped. */
  public static final String DUPLICATE = "router-message-duplicate";

  /**
   * Counter of settled ids the dedup window forgot before {@code core.dedup_window} passed, because
   * it holds its maximum (1,000,000 ids); a late duplicate of one is not detected.
   */
  public static final String DEDUP_FORGOTTEN = "router-dedup-forgotten";

  /** Timer per phase, attributes {@code phase} and {@code unit=seconds}. */
  public static final String PHASE_DURATION = "router-phase-duration";

  /** Gauge: names (lanes) with messages queued or in progress. */
  public static final String LANES = "router-lanes";

  /** Gauge of changes per provider apply call, attributes {@code provider}, {@code zone}. */
  public static final String BATCH_SIZE = "router-publish-batch-size";

  /** Counter of provider apply calls, attributes {@code provider}, {@code zone}. */
  public static final String PROVIDER_CALLS = "provider-calls";

  /**
   * Counter of provider errors (per failed change, or per call that threw), attributes {@code
   * provider}, {@code zone}, {@code kind} (retriable, permanent, unexpected) and {@code error}
   * (exception class).
   */
  public static final String PROVIDER_ERRORS = "provider-errors";

  /** Timer of provider apply calls, attributes {@code provider}, {@code zone}, {@code unit}. */
  public static final String PROVIDER_DURATION = "provider-call-duration";

  /** The attributes of a timer without other attributes. */
  static final Map<String, String> SECONDS = Map.of("unit", "seconds");

  private RouterMetrics() {}
}
