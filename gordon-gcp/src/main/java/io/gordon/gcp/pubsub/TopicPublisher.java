package io.gordon.gcp.pubsub;

import com.google.api.core.ApiFuture;
import com.google.cloud.pubsub.v1.Publisher;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.TopicName;
import io.gordon.api.PluginLoadException;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.PluginContext;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * One Pub/Sub topic publisher of a plugin ({@code gcp.dead_letter}, the janitor's {@code
 * gcp.gpubsub}): created at start with an error naming the topic, closed with its transport.
 */
final class TopicPublisher {
  /** The {@code project} key of a plugin that publishes to a topic. */
  static final Key<String> PROJECT =
      Key.string("project").rule(Rule.nonEmpty()).required("GCP project of the topic.");

  private final PluginContext context;
  private final String topic;
  private final PubSubTransport transport;
  private volatile Publisher publisher;

  private TopicPublisher(PluginContext context, String topic, PubSubTransport transport) {
    this.context = context;
    this.topic = topic;
    this.transport = transport;
  }

  /**
   * The publisher to the topic named by {@code topicKey} in the {@link #PROJECT} of {@code
   * context}.
   */
  static TopicPublisher of(PluginContext context, Key<String> topicKey) {
    return new TopicPublisher(
        context,
        PubSubTransport.fullName(
            context.config().get(PROJECT), "topics", context.config().get(topicKey)),
        PubSubTransport.create(context));
  }

  /** The topic's full name, {@code projects/<project>/topics/<topic>}. */
  String topic() {
    return topic;
  }

  /** Creates the client; a failure stops the plugin's start with the topic and the reason. */
  void start() {
    try {
      Publisher.Builder b =
          Publisher.newBuilder(TopicName.parse(topic))
              .setCredentialsProvider(transport.credentials());
      if (transport.channels() != null) {
        b.setChannelProvider(transport.channels());
      }
      publisher = b.build();
    } catch (IOException | RuntimeException e) {
      throw new PluginLoadException(
          context.pluginName(),
          "cannot create a publisher for " + topic + ": " + e.getMessage(),
          e);
    }
  }

  /** Sends {@code message}; the future gives its message id once Pub/Sub accepted it. */
  ApiFuture<String> publish(PubsubMessage message) {
    return publisher.publish(message);
  }

  /** Flushes what is outstanding (for up to 5 s) and closes the transport. */
  void shutdown() {
    Publisher p = publisher;
    if (p != null) {
      p.shutdown();
      try {
        p.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    transport.close();
  }
}
