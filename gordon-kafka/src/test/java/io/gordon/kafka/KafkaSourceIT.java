package io.gordon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.plugin.Outcome;
import io.gordon.kafka.Recorder.Item;
import io.gordon.testing.kafka.KafkaBroker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kafka.event_consumer against a real broker (bin/kafka-broker), settled by the test. */
class KafkaSourceIT {
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
  void eventsOfOneNameAreSubmittedInTheOrderTheyWereProduced() throws Exception {
    String topic = kafka.topic("order", 3);
    for (int v = 1; v <= 10; v++) {
      for (int n = 0; n < 20; n++) {
        kafka.send(
            topic,
            "h" + n + ".example.com.",
            Kafka.event("h" + n + ".example.com.", "10.0." + n + "." + v));
      }
    }
    Map<String, List<Integer>> versions = new HashMap<>();
    try (Running r = new Running(kafka.consumerContext(topic, "g-" + topic, Map.of()))) {
      for (int i = 0; i < 200; i++) {
        Item item = r.recorder.next();
        String address = item.message().event().records().getFirst().rdata().getFirst();
        versions
            .computeIfAbsent(item.message().event().orderingKey(), k -> new ArrayList<>())
            .add(Integer.parseInt(address.substring(address.lastIndexOf('.') + 1)));
        assertThat(item.message().attributes())
            .containsEntry("topic", topic)
            .containsKey("partition")
            .containsKey("offset");
        item.settle(new Outcome.Applied());
      }
    }
    assertThat(versions).hasSize(20);
    versions.values().forEach(v -> assertThat(v).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
  }

  @Test
  void outOfOrderSettlementCommitsOnlyTheContiguousPrefix() throws Exception {
    String topic = kafka.topic("prefix", 1);
    String group = "g-" + topic;
    for (int i = 0; i < 5; i++) {
      kafka.send(
          topic,
          "p" + i + ".example.com.",
          Kafka.event("p" + i + ".example.com.", "10.1.0." + (i + 1)));
    }
    try (Running r = new Running(kafka.consumerContext(topic, group, Map.of()))) {
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        items.add(r.recorder.next());
      }
      assertThat(items).extracting(Item::offset).containsExactly(0L, 1L, 2L, 3L, 4L);
      items.get(1).settle(new Outcome.Applied());
      items.get(3).settle(new Outcome.DeadLettered("bad"));
      items.get(4).settle(new Outcome.Skipped("duplicate"));
      Thread.sleep(500); // several commit intervals: nothing may be committed past offset 0
      assertThat(kafka.committed(group)).doesNotContainKey(0);
      items.get(0).settle(new Outcome.Applied());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.committed(group).getOrDefault(0, -1L) == 2L);
      items.get(2).settle(new Outcome.Applied());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.committed(group).getOrDefault(0, -1L) == 5L);
    }
  }

  @Test
  void aHandedBackRecordIsSubmittedAgainAndHoldsTheCommitMeanwhile() throws Exception {
    String topic = kafka.topic("redeliver", 1);
    String group = "g-" + topic;
    kafka.send(topic, "r.example.com.", Kafka.event("r.example.com.", "10.2.0.1"));
    kafka.send(topic, "s.example.com.", Kafka.event("s.example.com.", "10.2.0.2"));
    try (Running r =
        new Running(
            kafka.consumerContext(
                topic, group, Map.of("redelivery_delay", Duration.ofMillis(300))))) {
      Item first = r.recorder.next();
      r.recorder.next().settle(new Outcome.Applied());
      first.settle(new Outcome.Redeliver("retries exhausted"));
      Item again = r.recorder.next();
      assertThat(again.offset()).isZero();
      assertThat(kafka.committed(group)).doesNotContainKey(0);
      again.settle(new Outcome.Applied());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.committed(group).getOrDefault(0, -1L) == 2L);
    }
  }

  @Test
  void aPoisonRecordIsDeadLetteredAndTheRecordsAfterItFlow() throws Exception {
    String topic = kafka.topic("poison", 1);
    String group = "g-" + topic;
    kafka.send(topic, "x", "{not json");
    kafka.send(topic, "y", null);
    kafka.send(topic, "ok.example.com.", Kafka.event("ok.example.com.", "10.3.0.1"));
    try (Running r = new Running(kafka.consumerContext(topic, group, Map.of()))) {
      Item poison = r.recorder.next();
      assertThat(poison.rejected()).isTrue();
      assertThat(poison.id()).isEqualTo(topic + "-0@0");
      assertThat(poison.payload()).isEqualTo("{not json");
      assertThat(poison.reason()).startsWith("record " + topic + "-0@0: ");
      Item tombstone = r.recorder.next();
      assertThat(tombstone.reason())
          .isEqualTo(
              "record " + topic + "-0@1 has no value (a " + "tombstone); expected a JSON event");
      Item ok = r.recorder.next();
      assertThat(ok.rejected()).isFalse();
      ok.settle(new Outcome.Applied());
      poison.settle(new Outcome.DeadLettered(poison.reason()));
      tombstone.settle(new Outcome.DeadLettered(tombstone.reason()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> kafka.committed(group).getOrDefault(0, -1L) == 3L);
    }
  }

  @Test
  void aValueThatIsNotUtf8IsDeadLetteredNamingTheByteAndKeepingTheBytes() throws Exception {
    String topic = kafka.topic("latin1", 1);
    byte[] latin1 =
        "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"caf\u00e9.example.com.\"}}"
            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    kafka.sendBytes(topic, "k", latin1);
    kafka.send(topic, "ok.example.com.", Kafka.event("ok.example.com.", "10.3.0.1"));
    try (Running r = new Running(kafka.consumerContext(topic, "g-" + topic, Map.of()))) {
      Item poison = r.recorder.next();
      assertThat(poison.rejected()).isTrue();
      assertThat(poison.reason())
          .isEqualTo(
              "record "
                  + topic
                  + "-0@0: value is not valid UTF-8: byte 0xE9 at offset 52 (expected a JSON"
                  + " event in UTF-8, RFC 8259; the value's bytes are in attribute"
                  + " value_base64)");
      assertThat(poison.attributes())
          .containsEntry("value_base64", java.util.Base64.getEncoder().encodeToString(latin1));
      Item ok = r.recorder.next();
      assertThat(ok.rejected()).isFalse();
      ok.settle(new Outcome.Applied());
      poison.settle(new Outcome.DeadLettered(poison.reason()));
    }
  }

  @Test
  void aBlockedRouterPausesThePartitionsAndTheMemberStaysInTheGroup() throws Exception {
    String topic = kafka.topic("pause", 2);
    String group = "g-" + topic;
    for (int i = 0; i < 100; i++) {
      kafka.send(
          topic,
          "b" + i + ".example.com.",
          Kafka.event("b" + i + ".example.com.", "10.4.0." + (i + 1)));
    }
    Map<String, Object> tight =
        Map.of(
            "max_buffered",
            10L,
            "client",
            Map.of("max.poll.interval.ms", "2000", "max.poll.records", "5"));
    try (Running r = new Running(kafka.consumerContext(topic, group, tight))) {
      r.recorder.block();
      Thread.sleep(6000); // three times max.poll.interval.ms with the router full
      r.recorder.unblock();
      List<Long> seen = new ArrayList<>();
      for (int i = 0; i < 100; i++) {
        Item item = r.recorder.next();
        seen.add(item.partition() * 1000L + item.offset());
        item.settle(new Outcome.Applied());
      }
      assertThat(r.recorder.poll(1000)).as("nothing submitted twice").isNull();
      assertThat(seen).doesNotHaveDuplicates();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  kafka.committed(group).values().stream().mapToLong(Long::longValue).sum()
                      == 100L);
    }
  }
}
