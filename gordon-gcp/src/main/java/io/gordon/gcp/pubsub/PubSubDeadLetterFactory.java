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

/** Creates {@code gcp.dead_letter}, the dead-letter sink that publishes to a Pub/Sub topic. */
public final class PubSubDeadLetterFactory implements PluginFactory {
  static final Key<String> TOPIC =
      Key.string("topic")
          .rule(Rule.nonEmpty())
          .required(
              "Topic dead letters are "
                  + "published to; a short name is prefixed with projects/<project>/topics/.");
  static final Key<Duration> PUBLISH_TIMEOUT =
      Key.duration(
          "publish_timeout",
          Duration.ofSeconds(30),
          Rule.durationAtLeast(0),
          "How long to wait for Pub/Sub to accept"
              + " a dead letter; past it the original message is redelivered instead of acked.");
  static final ConfigSpec SPEC =
      GcpKeys.credentials(
              ConfigSpec.builder()
                  .keys(TopicPublisher.PROJECT, TOPIC, PUBLISH_TIMEOUT, GcpKeys.PUBSUB_EMULATOR))
          .build();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public PubSubDeadLetterFactory() {}

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
    return new PubSubDeadLetterSink(
        context, TopicPublisher.of(context, TOPIC), context.config().get(PUBLISH_TIMEOUT));
  }
}
