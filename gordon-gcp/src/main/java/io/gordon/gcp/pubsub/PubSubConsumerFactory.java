package io.gordon.gcp.pubsub;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.gcp.GcpKeys;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Creates {@code gcp.event_consumer} (alias {@code gcp.gpubsub}), the Pub/Sub event source. */
public final class PubSubConsumerFactory implements PluginFactory {
  static final Key<String> PROJECT =
      Key.string("project")
          .rule(Rule.nonEmpty())
          .required("GCP project where Cloud Pub/Sub is located.");
  static final Key<String> TOPIC =
      Key.string("topic")
          .rule(Rule.nonEmpty())
          .required(
              "Topic the subscription reads; a short name is prefixed with projects/<project>/topics/.");
  static final Key<String> SUBSCRIPTION =
      Key.string("subscription")
          .rule(Rule.nonEmpty())
          .required(
              "Subscription to pull from; a short name is prefixed with "
                  + "projects/<project>/subscriptions/.");
  static final Key<Boolean> CREATE_SUBSCRIPTION =
      Key.bool(
          "create_subscription",
          true,
          "Create the subscription when it is missing (needs pubsub.subscriptions.create).");
  static final Key<Boolean> ORDERING =
      Key.bool(
          "enable_message_ordering",
          false,
          "Create the subscription with message ordering, so that messages with the same "
              + "ordering key arrive in publish order.");
  static final Key<Integer> ACK_DEADLINE =
      Key.integer(
          "ack_deadline",
          60,
          Rule.between(10, 600),
          "Ack deadline in seconds of a subscription this plugin creates, and the lease the "
              + "client extends in steps while a message is in flight: the messages of a "
              + "crashed process are redelivered after about this long.");
  static final Key<Integer> MAX_MESSAGES =
      Key.integer(
          "max_messages",
          25,
          Rule.between(1, 100000),
          "Most messages in work at once (handed to the router, not yet "
              + "acked or nacked): flow control. The pull window is 1,000 larger, for acks not yet "
              + "sent.");
  static final Key<Integer> PARALLEL_PULLS =
      Key.integer(
          "parallel_pulls",
          1,
          Rule.between(1, 16),
          "Streaming pulls opened on the subscription (the client library's parallel pull "
              + "count); max_messages bounds the messages in work over all of them. Pub/Sub "
              + "keeps each ordering key on one stream, so ordering is kept. More streams "
              + "raise the delivery rate where one stream is the limit (the emulator sends at "
              + "most 100 messages per stream every 50 ms, about 2,000/s).");
  static final Key<Duration> RESUBSCRIBE_DELAY =
      Key.duration(
          "resubscribe_delay",
          Duration.ofSeconds(1),
          Rule.durationAtLeast(0),
          "First delay before subscribing again "
              + "after a failure; doubles with jitter. Subscribe failures are retried forever.");
  static final Key<Duration> RESUBSCRIBE_MAX_DELAY =
      Key.duration(
          "resubscribe_max_delay",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0),
          "Longest delay between two subscribe attempts.");
  static final Key<Duration> SHUTDOWN_GRACE =
      Key.duration(
          "shutdown_grace",
          Duration.ofSeconds(30),
          Rule.durationAtLeast(0),
          "At shutdown, how long the subscriber "
              + "waits for messages in flight to be acked or nacked.");
  static final Key<Optional<Long>> MAX_SUBSCRIBE_RETRIES =
      Key.longInteger("max_subscribe_retries")
          .rule(Rule.atLeast(0))
          .optional(
              "Accepted for compatibility and "
                  + "ignored: subscribe failures are retried forever with backoff and reported by "
                  + "/readyz instead of exiting.");
  static final Key<Optional<String>> DNS_ZONE =
      Key.string("dns_zone")
          .optional(
              "Accepted for "
                  + "compatibility (the original documentation listed it) and ignored by the consumer.");

  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public PubSubConsumerFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b =
        ConfigSpec.builder()
            .keys(
                PROJECT,
                TOPIC,
                SUBSCRIPTION,
                CREATE_SUBSCRIPTION,
                ORDERING,
                ACK_DEADLINE,
                MAX_MESSAGES,
                PARALLEL_PULLS,
                GcpKeys.PUBSUB_EMULATOR,
                RESUBSCRIBE_DELAY,
                RESUBSCRIBE_MAX_DELAY,
                SHUTDOWN_GRACE,
                MAX_SUBSCRIBE_RETRIES,
                DNS_ZONE);
    GcpKeys.zonePrefix(b, "Accepted for compatibility and ignored by the consumer.");
    GcpKeys.credentials(b);
    return b.build();
  }

  @Override
  public String name() {
    return "gcp.event_consumer";
  }

  @Override
  public List<String> aliases() {
    return List.of("gcp.gpubsub");
  }

  @Override
  public PluginKind kind() {
    return PluginKind.SOURCE;
  }

  @Override
  public String description() {
    return "Google Cloud Pub/Sub source: generic events and GCE audit-log entries.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return new PubSubConsumer(
        context, PubSubSettings.from(context.config()), PubSubTransport.create(context));
  }
}
