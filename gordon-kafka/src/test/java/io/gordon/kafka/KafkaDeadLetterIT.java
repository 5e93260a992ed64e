package io.gordon.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.testing.fakes.FakePluginContext;
import io.gordon.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kafka.dead_letter against a real broker: what an operator finds on the topic. */
class KafkaDeadLetterIT {
  static Kafka kafka;

  @BeforeAll
  static void startBroker() {
    kafka = new Kafka(KafkaBroker.start(Map.of()));
  }

  @AfterAll
  static void stopBroker() {
    if (kafka != null) {
      kafka.close();
    }
  }

  @Test
  void aDeadLetterCarriesTheReasonAndTheOriginalCoordinatesInHeaders() throws Exception {
    String topic = kafka.topic("dead", 1);
    DeadLetterSink sink =
        (DeadLetterSink)
            new KafkaDeadLetterFactory()
                .create(
                    FakePluginContext.of(
                        "kafka.dead_letter",
                        KafkaDeadLetterFactory.SPEC,
                        Map.of("bootstrap_servers", List.of(kafka.bootstrap()), "topic", topic),
                        Clock.systemUTC(),
                        Path.of("."),
                        Kafka.CODEC));
    sink.start();
    try {
      sink.park(
          new DeadLetter(
              "dns-events-2@41",
              Instant.parse("2026-11-30T08:00:00Z"),
              "line 1, column 2: expected a JSON object",
              "consume",
              "",
              Optional.empty(),
              Optional.of("{not json"),
              List.of(new HistoryEntry(Instant.parse("2026-11-30T08:00:00Z"), "", "rejected")),
              Map.of(
                  "topic",
                  "dns-events",
                  "partition",
                  "2",
                  "offset",
                  "41",
                  "key",
                  "www.example.com.")));
    } finally {
      sink.shutdown();
    }
    ConsumerRecord<byte[], byte[]> r = readOne(topic);
    Map<String, String> headers = new HashMap<>();
    for (Header h : r.headers()) {
      headers.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
    }
    assertThat(headers)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "reason",
                "line 1, column 2: expected a JSON object",
                "phase",
                "consume",
                "plugin",
                "",
                "message_id",
                "dns-events-2@41",
                "topic",
                "dns-events",
                "partition",
                "2",
                "offset",
                "41"));
    assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("www.example.com.");
    assertThat(new String(r.value(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"messageId\":\"dns-events-2@41\",\"parkedAt\":\"2026-11-30T08:00:00Z\","
                + "\"reason\":\"line 1, column 2: expected a JSON object\",\"phase\":\"consume\","
                + "\"plugin\":\"\",\"payload\":\"{not json\",\"history\":[{\"timestamp\":"
                + "\"2026-11-30T08:00:00Z\",\"plugin\":\"\",\"message\":\"rejected\"}],"
                + "\"attributes\":{\"key\":\"www.example.com.\",\"offset\":\"41\","
                + "\"partition\":\"2\",\"topic\":\"dns-events\"}}");
  }

  private static ConsumerRecord<byte[], byte[]> readOne(String topic) {
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrap(),
                "group.id",
                "reader-" + topic,
                "auto.offset.reset",
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        ConsumerRecords<byte[], byte[]> rs = c.poll(Duration.ofMillis(200));
        if (!rs.isEmpty()) {
          return rs.iterator().next();
        }
      }
    }
    throw new AssertionError("no dead letter on " + topic + " within 60 s");
  }
}
