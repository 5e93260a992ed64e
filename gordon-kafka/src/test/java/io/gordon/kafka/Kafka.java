package io.gordon.kafka;

import io.gordon.api.plugin.EventCodec;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.testing.fakes.FakePluginContext;
import io.gordon.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Topics, producing and committed offsets on a test broker; plugin contexts. */
final class Kafka implements AutoCloseable {
  static final EventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));
  private final KafkaBroker broker;
  private final Admin admin;
  private final KafkaProducer<byte[], byte[]> producer;

  Kafka(KafkaBroker broker) {
    this.broker = broker;
    this.admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrap()));
    this.producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", broker.bootstrap(), "acks", "all", "linger.ms", 5),
            new ByteArraySerializer(),
            new ByteArraySerializer());
  }

  String bootstrap() {
    return broker.bootstrap();
  }

  /** Creates a topic with a fresh name and returns the name. */
  String topic(String prefix, int partitions) throws Exception {
    String name = prefix + "-" + System.nanoTime();
    admin
        .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
        .all()
        .get(60, TimeUnit.SECONDS);
    return name;
  }

  /** Produces {@code value} keyed by {@code key} (null: unkeyed) and waits for the ack. */
  void send(String topic, String key, String value) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                topic, key == null ? null : utf8(key), value == null ? null : utf8(value)))
        .get(30, TimeUnit.SECONDS);
  }

  /** Produces {@code value} as given, keyed by {@code key}, and waits for the ack. */
  void sendBytes(String topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic, utf8(key), value)).get(30, TimeUnit.SECONDS);
  }

  /** Produces to an explicit partition. */
  void send(String topic, int partition, String key, String value) throws Exception {
    producer
        .send(new ProducerRecord<>(topic, partition, utf8(key), utf8(value)))
        .get(30, TimeUnit.SECONDS);
  }

  /** The group's committed offset per partition (absent: none). */
  Map<Integer, Long> committed(String group) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> m =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS);
    Map<Integer, Long> out = new HashMap<>();
    m.forEach(
        (tp, o) -> {
          if (o != null) {
            out.put(tp.partition(), o.offset());
          }
        });
    return out;
  }

  /** A generic event adding {@code name} A {@code address}. */
  static String event(String name, String address) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
        + name
        + "\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\""
        + address
        + "\"]}}";
  }

  /** A context for kafka.event_consumer on this broker. */
  FakePluginContext consumerContext(String topic, String group, Map<String, Object> extra) {
    Map<String, Object> values =
        new HashMap<>(
            Map.of(
                "bootstrap_servers",
                List.of(bootstrap()),
                "topics",
                List.of(topic),
                "group_id",
                group,
                "commit_interval",
                java.time.Duration.ofMillis(100)));
    values.putAll(extra);
    return FakePluginContext.of(
        "kafka.event_consumer",
        KafkaConsumerFactory.SPEC,
        values,
        Clock.systemUTC(),
        Path.of("."),
        CODEC);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
    admin.close();
    broker.close();
  }
}
