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

/**
 * Creates the janitor's {@code gcp.gpubsub}: the original gordon-janitor's Pub/Sub publisher. In
 * the janitor namespace only; in a service configuration {@code gcp.gpubsub} is still the event
 * consumer's alias.
 */
public final class JanitorPublisherFactory implements PluginFactory {
  static final Key<String> TOPIC =
      Key.string("topic")
          .rule(Rule.nonEmpty())
          .required(
              "Topic the gordon service consumes; a short name is prefixed with"
                  + " projects/<project>/topics/. It must exist (the original created it; gordon does"
                  + " not need admin rights).");
  static final Key<Duration> CLEANUP_TIMEOUT =
      Key.duration(
          "cleanup_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0),
          "How long to wait for Pub/Sub to accept"
              + " the run's messages (the original's key, in seconds).");
  static final ConfigSpec SPEC =
      GcpKeys.credentials(
              ConfigSpec.builder()
                  .keys(TopicPublisher.PROJECT, TOPIC, CLEANUP_TIMEOUT, GcpKeys.PUBSUB_EMULATOR))
          .build();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public JanitorPublisherFactory() {}

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
    return new JanitorPublisher(
        context, TopicPublisher.of(context, TOPIC), context.config().get(CLEANUP_TIMEOUT));
  }
}
