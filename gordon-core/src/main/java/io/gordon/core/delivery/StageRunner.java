package io.gordon.core.delivery;

import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.MetricRelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one phase of one message with the failure rules: retriable failures are retried with
 * backoff until attempts or the deadline run out, permanent ones are parked, and an unexpected
 * exception is retried once and then parked. Never throws (except on interrupt).
 */
public final class StageRunner {
  /** Counter of retries, attributes {@code phase} and {@code plugin}. */
  public static final String RETRIED = "router-message-retried";
  private static final Logger LOG = LoggerFactory.getLogger("gordon.router");

  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final MetricRelay metrics;
  private final BooleanSupplier aborting;

  /**
   * Creates a runner.
   *
   * @param aborting true once the shutdown timeout passed: stop retrying and redeliver
   */
  public StageRunner(RetryPolicy policy, Clock clock, Sleeper sleeper, MetricRelay metrics,
      BooleanSupplier aborting) {
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.metrics = metrics;
    this.aborting = aborting;
  }

  /** Runs {@code op} on {@code message} for {@code phase}, served by {@code plugin}. */
  public Verdict run(String phase, String plugin, EventMessage message,
      UnaryOperator<EventMessage> op) throws InterruptedException {
    return run(phase, plugin, message, op, null);
  }

  /**
   * Like {@link #run(String, String, EventMessage, UnaryOperator)}, but the first attempt was
   * already made elsewhere (asynchronously) and failed with {@code firstFailure}, if not null.
   */
  public Verdict run(String phase, String plugin, EventMessage message,
      UnaryOperator<EventMessage> op, Throwable firstFailure) throws InterruptedException {
    EventMessage msg = message;
    boolean unexpectedSeen = false;
    Throwable pending = firstFailure;
    for (int attempt = 1; ; attempt++) {
      Throwable error = pending;
      pending = null;
      if (error == null) {
        try {
          return new Verdict.Done(op.apply(msg));
        } catch (RuntimeException | Error e) {
          error = e;
        }
      }
      if (error instanceof SkipSignal s) {
        return new Verdict.Skip(msg.withHistory(clock.instant(), plugin, s.getMessage()),
            s.getMessage());
      }
      if (Thread.interrupted()) {
        throw new InterruptedException("interrupted in phase " + phase);
      }
      String what = Failure.describe(error);
      String cls = error.getClass().getSimpleName();
      Failure kind = Failure.of(error);
      if (kind == Failure.UNEXPECTED) {
        LOG.warn("[msg-{}] plugin {} threw an unexpected exception in phase {}: {}", msg.id(),
            plugin, phase, what, error);
        if (unexpectedSeen) {
          kind = Failure.PERMANENT;
          what = "plugin " + plugin + " failed twice unexpectedly: " + what;
        }
        unexpectedSeen = true;
      }
      if (kind == Failure.PERMANENT) {
        return new Verdict.Park(msg.withHistory(clock.instant(), plugin, "failed: " + what),
            what, cls);
      }
      Verdict stop = stopRetrying(msg, phase, plugin, attempt, what, cls);
      if (stop != null) {
        return stop;
      }
      Duration delay = policy.backoff(attempt, Failure.retryAfter(error));
      msg = msg.withHistory(clock.instant(), plugin, "attempt " + attempt + " of "
          + policy.attempts() + " failed: " + what + "; retrying in " + seconds(delay) + "s");
      metrics.incr(RETRIED, Map.of("phase", phase, "plugin", plugin));
      LOG.info("[msg-{}] phase {} (plugin {}) failed, retry {} in {}s: {}", msg.id(), phase,
          plugin, attempt, seconds(delay), what);
      sleeper.sleep(delay);
    }
  }

  private Verdict stopRetrying(EventMessage msg, String phase, String plugin, int attempt,
      String what, String cls) {
    Instant now = clock.instant();
    if (!policy.deadline().isZero()
        && now.isAfter(msg.createdAt().plus(policy.deadline()))) {
      String reason = "still failing after the retry deadline of " + seconds(policy.deadline())
          + "s (created " + msg.createdAt() + "): " + what;
      return new Verdict.Park(msg.withHistory(now, plugin, reason), reason, cls);
    }
    if (aborting.getAsBoolean()) {
      String reason = "shutting down while retrying phase " + phase + ": " + what;
      return new Verdict.GiveUp(msg.withHistory(now, plugin, reason), reason, cls);
    }
    if (attempt >= policy.attempts()) {
      String reason = "gave up after " + attempt + " attempts in phase " + phase + ": " + what;
      return new Verdict.GiveUp(msg.withHistory(now, plugin, reason), reason, cls);
    }
    return null;
  }

  static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }
}
