package io.gordon.gcp.pubsub;

import io.gordon.api.config.PluginConfig;
import io.gordon.gcp.Backoff;
import java.time.Duration;

/**
 * The validated settings of {@code gcp.event_consumer}.
 *
 * @param project the project of the topic and subscription
 * @param topic the full topic name
 * @param subscription the full subscription name
 * @param createSubscription create the subscription when it is missing
 * @param ordering enable message ordering on a subscription it creates
 * @param ackDeadlineSeconds ack deadline of a subscription it creates
 * @param maxMessages most messages outstanding (flow control)
 * @param parallelPulls streaming pulls opened on the subscription
 * @param resubscribe delays between subscribe attempts
 * @param shutdownGrace how long a stopping subscriber waits for outstanding messages
 */
record PubSubSettings(
    String project,
    String topic,
    String subscription,
    boolean createSubscription,
    boolean ordering,
    int ackDeadlineSeconds,
    int maxMessages,
    int parallelPulls,
    Backoff resubscribe,
    Duration shutdownGrace) {

  /** Reads a configuration validated against {@link PubSubConsumerFactory#SPEC}. */
  static PubSubSettings from(PluginConfig c) {
    String project = c.get(PubSubConsumerFactory.PROJECT);
    return new PubSubSettings(
        project,
        PubSubTransport.fullName(project, "topics", c.get(PubSubConsumerFactory.TOPIC)),
        PubSubTransport.fullName(
            project, "subscriptions", c.get(PubSubConsumerFactory.SUBSCRIPTION)),
        c.get(PubSubConsumerFactory.CREATE_SUBSCRIPTION),
        c.get(PubSubConsumerFactory.ORDERING),
        c.get(PubSubConsumerFactory.ACK_DEADLINE),
        c.get(PubSubConsumerFactory.MAX_MESSAGES),
        c.get(PubSubConsumerFactory.PARALLEL_PULLS),
        new Backoff(
            c.get(PubSubConsumerFactory.RESUBSCRIBE_DELAY),
            c.get(PubSubConsumerFactory.RESUBSCRIBE_MAX_DELAY)),
        c.get(PubSubConsumerFactory.SHUTDOWN_GRACE));
  }

  /** The subscription's short name. */
  String subscriptionId() {
    return subscription.substring(subscription.lastIndexOf('/') + 1);
  }

  /** The subscription's project. */
  String subscriptionProject() {
    return subscription.split("/")[1];
  }
}
