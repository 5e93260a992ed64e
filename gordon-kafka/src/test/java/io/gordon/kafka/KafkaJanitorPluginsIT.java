package io.gordon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.api.janitor.EventPublisher;
import io.gordon.api.model.DnsEvent;
import io.gordon.testing.fakes.FakePluginContext;
import io.gordon.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kafka.publisher and the janitor lease against a real broker. */
class KafkaJanitorPluginsIT {
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
  void thePublisherProducesEachChangeKeyedByRecordNameInTheJanitorsWireFormat() throws Exception {
    String topic = kafka.topic("janitor", 3);
    EventPublisher p =
        (EventPublisher)
            new KafkaPublisherFactory()
                .create(
                    FakePluginContext.of(
                        "kafka.publisher",
                        KafkaPublisherFactory.SPEC,
                        Map.of("bootstrap_servers", List.of(kafka.bootstrap()), "topic", topic),
                        Clock.systemUTC(),
                        Path.of("."),
                        Kafka.CODEC));
    String add =
        "{\"id\":\"janitor-abc-1\",\"action\":\"additions\",\"resourceRecords\":{"
            + "\"name\":\"www.example.com.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":"
            + "[\"192.0.2.1\"],\"kind\":\"dns#resourceRecordSet\",\"expected\":[]},"
            + "\"timestamp\":\"2026-11-30T08:38:05.132953\"}";
    String del =
        "{\"id\":\"janitor-abc-2\",\"action\":\"deletions\",\"resourceRecords\":{"
            + "\"name\":\"old.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.9\"],"
            + "\"kind\":\"dns#resourceRecordSet\",\"expected\":[\"192.0.2.9\"]},"
            + "\"timestamp\":\"2026-11-30T08:38:05.132953\"}";
    List<DnsEvent> events = List.of(Kafka.CODEC.decode(add), Kafka.CODEC.decode(del));
    p.start();
    try {
      p.publish(events);
    } finally {
      p.shutdown();
    }
    List<ConsumerRecord<byte[], byte[]>> records = read(topic, 2);
    assertThat(records)
        .extracting(r -> utf8(r.key()), r -> utf8(r.value()))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("www.example.com.", add),
            org.assertj.core.groups.Tuple.tuple("old.example.com.", del));
    for (ConsumerRecord<byte[], byte[]> r : records) {
      DnsEvent back = Kafka.CODEC.decode(utf8(r.value()));
      assertThat(back).isEqualTo(events.get(back.id().orElseThrow().endsWith("1") ? 0 : 1));
    }
  }

  @Test
  void oneMemberHoldsTheLeaseAndAnotherTakesOverWhenItLeaves() throws Exception {
    String topic = kafka.topic("lease", 1);
    String group = "lease-" + UUID.randomUUID();
    JanitorLeaseConsumer first = lease(topic, group);
    JanitorLeaseConsumer second = lease(topic, group);
    List<Thread> threads = new ArrayList<>();
    AtomicBoolean both = new AtomicBoolean();
    Thread watch =
        Thread.ofPlatform()
            .daemon(true)
            .start(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    if (first.held() && second.held()) {
                      both.set(true);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
                  }
                });
    try {
      threads.add(Thread.ofPlatform().daemon(true).start(first));
      threads.add(Thread.ofPlatform().daemon(true).start(second));
      await().atMost(Duration.ofSeconds(60)).until(() -> first.held() || second.held());
      JanitorLeaseConsumer holder = first.held() ? first : second;
      JanitorLeaseConsumer standby = holder == first ? second : first;
      Thread.sleep(3000);
      assertThat(holder.held()).as("the lease stays with its holder").isTrue();
      assertThat(standby.held()).isFalse();
      holder.stop();
      await().atMost(Duration.ofSeconds(30)).until(standby::held);
      assertThat(holder.held()).isFalse();
      assertThat(both).as("both held the lease at one moment").isFalse();
      assertThat(holder.describe())
          .isEqualTo("partition 0 of topic " + topic + " (group " + group + ")");
    } finally {
      watch.interrupt();
      first.stop();
      second.stop();
      for (Thread t : threads) {
        t.join(10_000);
      }
    }
  }

  private static JanitorLeaseConsumer lease(String topic, String group) {
    Properties p = new Properties();
    p.put("bootstrap.servers", kafka.bootstrap());
    p.put("group.id", group);
    p.put("session.timeout.ms", "6000");
    p.put(
        "partition.assignment.strategy",
        "org.apache.kafka.clients.consumer.CooperativeStickyAssignor");
    p.putAll(KafkaConsumerFactory.FIXED);
    return new JanitorLeaseConsumer(p, topic, System.getLogger("lease"));
  }

  private static List<ConsumerRecord<byte[], byte[]>> read(String topic, int n) {
    List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrap(),
                "group.id",
                "reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      c.subscribe(List.of(topic));
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < n && System.nanoTime() < end) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
