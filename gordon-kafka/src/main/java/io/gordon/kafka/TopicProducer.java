package io.gordon.kafka;

import io.gordon.api.PluginLoadException;
import io.gordon.api.plugin.PluginContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * One producer to one topic, shared by the plugins that produce ({@code kafka.dead_letter}, {@code
 * kafka.publisher}): created at start with an error that names the topic and the client settings,
 * closed at shutdown.
 */
final class TopicProducer {
  private final PluginContext context;
  private final Properties props;
  final String topic;
  private volatile KafkaProducer<byte[], byte[]> producer;

  TopicProducer(PluginContext context, Properties props, String topic) {
    this.context = context;
    this.props = props;
    this.topic = topic;
  }

  /** Creates the producer; a PluginLoadException naming the topic and settings if it cannot. */
  void start() {
    try {
      producer = new KafkaProducer<>(props);
    } catch (KafkaException e) {
      throw new PluginLoadException(
          context.pluginName(),
          "cannot create a producer for topic "
              + topic
              + " with "
              + ClientKeys.describe(props)
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** The client settings, secrets redacted, for log lines. */
  String describe() {
    return ClientKeys.describe(props);
  }

  /** A record for this topic. */
  ProducerRecord<byte[], byte[]> record(String key, String value) {
    return new ProducerRecord<>(topic, utf8(key), utf8(value));
  }

  /** Sends {@code r}; KafkaException when the producer refuses it at once. */
  Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> r) {
    return producer.send(r);
  }

  void close() {
    KafkaProducer<byte[], byte[]> p = producer;
    if (p != null) {
      p.close(Duration.ofSeconds(5));
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
