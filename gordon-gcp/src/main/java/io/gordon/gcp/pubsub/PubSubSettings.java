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
 * @param resubscribe delays between subscribe attempts
 * @param shutdownGrace how long a stopping subscriber waits for outstanding messages
 */
record PubSubSettings(String project, String topic, String subscription,
    boolean createSubscription, boolean ordering, int ackDeadlineSeconds, int maxMessages,
    Backoff resubscribe, Duration shutdownGrace) {

  static PubSubSettings from(PluginConfig c) {
    String project = c.string("project");
    return new PubSubSettings(project,
        PubSubTransport.fullName(project, "topics", c.string("topic")),
        PubSubTransport.fullName(project, "subscriptions", c.string("subscription")),
        c.bool("create_subscription"), c.bool("enable_message_ordering"),
        c.intValue("ack_deadline"), c.intValue("max_messages"),
        new Backoff(c.duration("resubscribe_delay"), c.duration("resubscribe_max_delay")),
        c.duration("shutdown_grace"));
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
