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

/** Creates {@code gcp.dead_letter}, the dead-letter sink that publishes to a Pub/Sub topic. */
public final class PubSubDeadLetterFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public PubSubDeadLetterFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("project", ConfigType.STRING, Rule.nonEmpty(), "GCP project of the topic.")
        .required("topic", ConfigType.STRING, Rule.nonEmpty(), "Topic dead letters are "
            + "published to; a short name is prefixed with projects/<project>/topics/.")
        .optional("publish_timeout", ConfigType.DURATION, Duration.ofSeconds(30),
            Rule.durationAtLeast(0), "How long to wait for Pub/Sub to accept a dead letter; "
                + "past it the original message is redelivered instead of acked.")
        .optional("endpoint", ConfigType.STRING, null, Rule.hostPort(), "host:port of a Pub/Sub "
            + "emulator (plaintext, no credentials); default: $PUBSUB_EMULATOR_HOST, else "
            + "Google's endpoint.");
    GcpKeys.credentials(b);
    return b.build();
  }

  @Override
  public String name() {
    return "gcp.dead_letter";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.DEAD_LETTER;
  }

  @Override
  public String description() {
    return "Publishes dead letters to a Pub/Sub topic, with the reason as an attribute.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    String project = context.config().string("project");
    return new PubSubDeadLetterSink(context, PubSubTransport.fullName(project, "topics",
        context.config().string("topic")), context.config().duration("publish_timeout"),
        PubSubTransport.create(context));
  }
}
