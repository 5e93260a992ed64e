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

/**
 * Creates the janitor's {@code gcp.gpubsub}: the original gordon-janitor's Pub/Sub publisher.
 * In the janitor namespace only; in a service configuration {@code gcp.gpubsub} is still the
 * event consumer's alias.
 */
public final class JanitorPublisherFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public JanitorPublisherFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("project", ConfigType.STRING, Rule.nonEmpty(), "GCP project of the topic.")
        .required("topic", ConfigType.STRING, Rule.nonEmpty(), "Topic the gordon service"
            + " consumes; a short name is prefixed with projects/<project>/topics/. It must"
            + " exist (the original created it; gordon does not need admin rights).")
        .optional("cleanup_timeout", ConfigType.DURATION, Duration.ofSeconds(60),
            Rule.durationAtLeast(0), "How long to wait for Pub/Sub to accept the run's"
                + " messages (the original's key, in seconds).")
        .optional("endpoint", ConfigType.STRING, null, Rule.hostPort(), "host:port of a Pub/Sub "
            + "emulator (plaintext, no credentials); default: $PUBSUB_EMULATOR_HOST, else "
            + "Google's endpoint.");
    GcpKeys.credentials(b);
    return b.build();
  }

  @Override
  public String name() {
    return "gcp.gpubsub";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.EVENT_PUBLISHER;
  }

  @Override
  public String description() {
    return "Janitor: sends the janitor's changes to a Pub/Sub topic in the original's format.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    String project = context.config().string("project");
    return new JanitorPublisher(context, PubSubTransport.fullName(project, "topics",
        context.config().string("topic")), context.config().duration("cleanup_timeout"),
        PubSubTransport.create(context));
  }
}
