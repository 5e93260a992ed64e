package io.gordon.gcp.pubsub;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.gcp.GcpKeys;
import java.time.Duration;
import java.util.List;

/** Creates {@code gcp.event_consumer} (alias {@code gcp.gpubsub}), the Pub/Sub event source. */
public final class PubSubConsumerFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public PubSubConsumerFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("project", ConfigType.STRING, Rule.nonEmpty(),
            "GCP project where Cloud Pub/Sub is located.")
        .required("topic", ConfigType.STRING, Rule.nonEmpty(), "Topic the subscription reads; "
            + "a short name is prefixed with projects/<project>/topics/.")
        .required("subscription", ConfigType.STRING, Rule.nonEmpty(), "Subscription to pull "
            + "from; a short name is prefixed with projects/<project>/subscriptions/.")
        .optional("create_subscription", ConfigType.BOOLEAN, true, Rule.any(),
            "Create the subscription when it is missing (needs pubsub.subscriptions.create).")
        .optional("enable_message_ordering", ConfigType.BOOLEAN, false, Rule.any(),
            "Create the subscription with message ordering, so that messages with the same "
                + "ordering key arrive in publish order.")
        .optional("ack_deadline", ConfigType.INTEGER, 60L, Rule.between(10, 600),
            "Ack deadline in seconds of a subscription this plugin creates, and the lease the "
                + "client extends in steps while a message is in flight: the messages of a "
                + "crashed process are redelivered after about this long.")
        .optional("max_messages", ConfigType.INTEGER, 25L, Rule.between(1, 100000),
            "Most messages in work at once (handed to the router, not yet acked or nacked): "
                + "flow control. The pull window is 1,000 larger, for acks not yet sent.")
        .optional("max_msg_age", ConfigType.DURATION, Duration.ofSeconds(300),
            Rule.durationAtLeast(1), "Messages published longer ago than this are "
                + "dead-lettered (by Pub/Sub publish time); overrides core.max_msg_age.")
        .optional("endpoint", ConfigType.STRING, null, Rule.hostPort(), "host:port of a Pub/Sub "
            + "emulator (plaintext, no credentials); default: $PUBSUB_EMULATOR_HOST, else "
            + "Google's endpoint.")
        .optional("resubscribe_delay", ConfigType.DURATION, Duration.ofSeconds(1),
            Rule.durationAtLeast(0), "First delay before subscribing again after a failure; "
                + "doubles with jitter. Subscribe failures are retried forever.")
        .optional("resubscribe_max_delay", ConfigType.DURATION, Duration.ofSeconds(60),
            Rule.durationAtLeast(0), "Longest delay between two subscribe attempts.")
        .optional("shutdown_grace", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(0), "At shutdown, how long the subscriber waits for messages "
                + "in flight to be acked or nacked.")
        .optional("max_subscribe_retries", ConfigType.INTEGER, null, Rule.atLeast(0),
            "Accepted for compatibility and ignored: subscribe failures are retried forever "
                + "with backoff and reported by /readyz instead of exiting.")
        .optional("dns_zone", ConfigType.STRING, null, Rule.any(), "Accepted for compatibility "
            + "(the original documentation listed it) and ignored by the consumer.");
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
    return new PubSubConsumer(context, PubSubSettings.from(context.config()),
        PubSubTransport.create(context));
  }
}
