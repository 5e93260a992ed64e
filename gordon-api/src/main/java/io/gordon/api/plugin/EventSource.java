package io.gordon.api.plugin;

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
