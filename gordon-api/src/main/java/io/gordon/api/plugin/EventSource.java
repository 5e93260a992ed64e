package io.gordon.api.plugin;

import java.util.Optional;

/**
 * Produces messages: the original's runnable plugin. Sources own acknowledgement: they learn each
 * message's fate through {@link Delivery} and ack, nack or commit accordingly. A source may also
 * implement {@link MessageHandler} for the {@code cleanup} phase, as the original's Pub/Sub
 * consumer did.
 */
public interface EventSource extends GordonPlugin {
  /** The phase new messages start in; {@code consume} by default. */
  default String startPhase() {
    return "consume";
  }

  /**
   * The {@code plugin} attribute of the metrics the core counts for this source's messages (today
   * {@code msg-too-old}); empty, the default, means the source's configured name. A source standing
   * in for one of the original gordon's plugins gives the original's value, so that dashboards
   * written for the original keep working.
   */
  default Optional<String> metricsPluginName() {
    return Optional.empty();
  }

  /**
   * Runs the source until {@link #stop()} is called, submitting messages to {@code context}. Called
   * once, on a thread of its own, after {@link #start()}. Returning early (other than after stop)
   * is reported as a failure of the source. Retriable connection failures should be retried inside,
   * reporting them through {@link HealthReporter}.
   */
  void run(SourceContext context) throws Exception;

  /**
   * Stops taking new input, promptly; {@link #run} then returns. Messages already submitted are
   * still settled through their {@link Delivery}.
   */
  void stop();
}
