package io.gordon.kafka;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.Properties;

/** Creates {@code kafka.publisher}, the janitor's event publisher to a Kafka topic. */
public final class KafkaPublisherFactory implements PluginFactory {
  static final Key<String> TOPIC =
      Key.string("topic")
          .rule(Rule.nonEmpty())
          .required(
              "Topic the janitor's changes are produced to, keyed by record name: the topic"
                  + " kafka.event_consumer reads. It must exist.");
  static final Key<Duration> PUBLISH_TIMEOUT =
      Key.duration(
          "publish_timeout",
          Duration.ofSeconds(60),
          Rule.durationAtLeast(0),
          "How long to wait for the broker to"
              + " acknowledge one zone's records (acks=all); past it the run fails and the changes"
              + " count as errors.");
  static final ConfigSpec SPEC =
      ConfigSpec.of(
          ClientKeys.BOOTSTRAP_SERVERS, TOPIC, PUBLISH_TIMEOUT, ClientKeys.client("producer"));

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public KafkaPublisherFactory() {}

  @Override
  public String name() {
    return "kafka.publisher";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.EVENT_PUBLISHER;
  }

  @Override
  public String description() {
    return "Janitor: produces the janitor's changes to a Kafka topic, keyed by record name.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    Properties p = new Properties();
    p.put("client.id", "gordon-janitor-" + ProcessHandle.current().pid());
    p.putAll(ClientKeys.properties(context, KafkaDeadLetterFactory.FIXED));
    p.put("bootstrap.servers", ClientKeys.bootstrap(context.config()));
    p.putAll(KafkaDeadLetterFactory.FIXED);
    return new KafkaEventPublisher(
        context, p, context.config().get(TOPIC), context.config().get(PUBLISH_TIMEOUT));
  }
}
