package io.gordon.kafka;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/** Creates {@code kafka.dead_letter}, the dead-letter sink that produces to a Kafka topic. */
public final class KafkaDeadLetterFactory implements PluginFactory {
  static final Key<String> TOPIC =
      Key.string("topic")
          .rule(Rule.nonEmpty())
          .required(
              "Topic dead letters are produced to: the JSON dead letter as value, the reason and the"
                  + " original coordinates as headers.");
  static final Key<Duration> PUBLISH_TIMEOUT =
      Key.duration(
          "publish_timeout",
          Duration.ofSeconds(30),
          Rule.durationAtLeast(0),
          "How long to wait for the broker to"
              + " acknowledge a dead letter (acks=all); past it the original message is redelivered"
              + " instead.");
  static final ConfigSpec SPEC =
      ConfigSpec.of(
          ClientKeys.BOOTSTRAP_SERVERS, TOPIC, PUBLISH_TIMEOUT, ClientKeys.client("producer"));

  /** The producer properties gordon sets itself: durable, idempotent, bytes. */
  static final Map<String, String> FIXED =
      Map.of(
          "acks", "all",
          "enable.idempotence", "true",
          "key.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer",
          "value.serializer", "org.apache.kafka.common.serialization.ByteArraySerializer");

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public KafkaDeadLetterFactory() {}

  @Override
  public String name() {
    return "kafka.dead_letter";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.DEAD_LETTER;
  }

  @Override
  public String description() {
    return "Produces dead letters to a Kafka topic, with the reason and the original "
        + "coordinates as headers.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    Properties p = new Properties();
    p.put("client.id", "gordon-dead-letter-" + ProcessHandle.current().pid());
    p.putAll(ClientKeys.properties(context, FIXED));
    p.put("bootstrap.servers", ClientKeys.bootstrap(context.config()));
    p.putAll(FIXED);
    return new KafkaDeadLetterSink(
        context, p, context.config().get(TOPIC), context.config().get(PUBLISH_TIMEOUT));
  }
}
