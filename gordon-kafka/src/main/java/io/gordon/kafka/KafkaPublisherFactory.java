package io.gordon.kafka;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.Properties;

/** Creates {@code kafka.publisher}, the janitor's event publisher to a Kafka topic. */
public final class KafkaPublisherFactory implements PluginFactory {
  static final ConfigSpec SPEC = spec();

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public KafkaPublisherFactory() {}

  private static ConfigSpec spec() {
    ConfigSpec.Builder b = ConfigSpec.builder()
        .required("bootstrap_servers", ConfigType.STRING_LIST, Rule.nonEmpty(),
            "host:port of one or more brokers to bootstrap from (bootstrap.servers).")
        .required("topic", ConfigType.STRING, Rule.nonEmpty(), "Topic the janitor's changes "
            + "are produced to, keyed by record name: the topic kafka.event_consumer reads. "
            + "It must exist.")
        .optional("publish_timeout", ConfigType.DURATION, Duration.ofSeconds(60),
            Rule.durationAtLeast(0), "How long to wait for the broker to acknowledge a run's "
                + "records (acks=all); past it the run fails and the changes count as errors.");
    ClientKeys.client(b, "producer");
    return b.build();
  }

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
    p.put("bootstrap.servers", String.join(",", context.config().strings("bootstrap_servers")));
    p.putAll(KafkaDeadLetterFactory.FIXED);
    return new KafkaEventPublisher(context, p, context.config().string("topic"),
        context.config().duration("publish_timeout"));
  }
}
