package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import io.gordon.testing.dns.ZoneClient;
import io.gordon.testing.kafka.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The janitor on Kafka with real processes, one broker and one BIND for the class: {@code gordon
 * janitor} publishes its changes with {@code kafka.publisher} and a {@code gordon run} with {@code
 * kafka.event_consumer} applies them; two {@code gordon run} with {@code [janitor] interval} and a
 * janitor lease topic run one janitor between them, and the survivor takes over when the holder is
 * killed.
 */
class KafkaJanitorIT {
  static final String EVENTS = "dns-events";
  static final String LEASE = "gordon-janitor-lease";
  static BindServer bind;
  static KafkaBroker kafka;
  static ZoneClient hand;
  @TempDir Path dir;

  @BeforeAll
  static void startServers() {
    bind = BindServer.start("pub.test.", "lease.test.");
    hand = new ZoneClient(bind);
    kafka = KafkaBroker.start(Map.of(EVENTS, 3, LEASE, 1));
  }

  @AfterAll
  static void stopServers() {
    if (kafka != null) {
      kafka.close();
    }
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void theJanitorPublishesToKafkaAndTheServiceAppliesIt() throws Exception {
    String zone = "pub.test.";
    Path d = configure(dir.resolve("run"), zone, "gordon-pub", "", "");
    inventory(d, zone, "www=192.0.2.1", "vm-1=192.0.2.11");
    GordonProcess gordon = GordonProcess.start(d);
    try {
      Gordon.Result first = Gordon.run(d, "janitor", "-c", d.toString());
      assertThat(first.exit()).as(first.err()).isZero();
      assertThat(first.out())
          .contains(
              "+ addition www.pub.test. A ttl 300 192.0.2.1 " + "[published]",
              "+ addition vm-1.pub.test. A ttl 300 192.0.2.11 [published]");
      awaitRecords(zone, "www.pub.test.", "www.pub.test. A 192.0.2.1");
      awaitRecords(zone, "vm-1.pub.test.", "vm-1.pub.test. A 192.0.2.11");
      inventory(d, zone, "www=192.0.2.7");
      Gordon.Result second = Gordon.run(d, "janitor", "-c", d.toString());
      assertThat(second.exit()).as(second.err()).isZero();
      assertThat(second.out())
          .contains(
              "~ replacement www.pub.test. A ttl 300 192.0.2.1 -> "
                  + "ttl 300 192.0.2.7 [published]",
              "- deletion vm-1.pub.test. A ttl 300 192.0.2.11 " + "[published]");
      awaitRecords(zone, "www.pub.test.", "www.pub.test. A 192.0.2.7");
      awaitRecords(zone, "vm-1.pub.test.");
      assertThat(gordon.stop()).as(gordon.tail()).isZero();
    } finally {
      gordon.close();
    }
    List<ConsumerRecord<String, String>> records = topic(4);
    assertThat(records)
        .extracting(ConsumerRecord::key)
        .containsExactlyInAnyOrder(
            "www.pub.test.", "vm-1.pub.test.", "www.pub.test.", "vm-1.pub.test.");
    assertThat(records.getFirst().value())
        .matches(
            "\\{\"id\":\"janitor-[0-9a-z]+-\\d+\","
                + "\"action\":\"additions\",\"resourceRecords\":\\{\"name\":\"(www|vm-1)\\.pub\\.test\\."
                + "\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":\\[\"192\\.0\\.2\\.11?\"],\"kind\":"
                + "\"dns#resourceRecordSet\",\"expected\":\\[]},\"timestamp\":\"\\d{4}-\\d\\d-\\d\\dT"
                + "\\d\\d:\\d\\d:\\d\\d\\.\\d{6}\"}");
    assertThat(d.resolve("var/dead-letters.jsonl")).doesNotExist();
  }

  @Test
  void twoInstancesRunOneJanitorAndTheOtherTakesOverWhenItIsKilled() throws Exception {
    String zone = "lease.test.";
    Path inventory = dir.resolve("inventory.json");
    String janitor =
        "[janitor]\nplugins = [\"local.inventory\"]\ninterval = \"1s\"\n"
            + "[local.inventory]\npath = \""
            + inventory
            + "\"\nzones = [\""
            + zone
            + "\"]\n";
    String lease = "janitor_lease_topic = \"" + LEASE + "\"\n";
    String group = "gordon-lease-" + UUID.randomUUID();
    List<GordonProcess> gordons = new ArrayList<>();
    try {
      inventory(dir, zone, "www=192.0.2.1");
      for (String n : List.of("a", "b")) {
        gordons.add(GordonProcess.start(configure(dir.resolve(n), zone, group, janitor, lease)));
      }
      awaitRecords(zone, "www.lease.test.", "www.lease.test. A 192.0.2.1");
      // one has run the janitor three times and the other found itself a standby
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> holder(gordons) >= 0 && standbys(gordons.get(1 - holder(gordons))) > 0);
      int holder = holder(gordons);
      GordonProcess standby = gordons.get(1 - holder);
      assertThat(runs(standby)).as(standby.tail()).isZero();
      assertThat(standby.logText())
          .contains(
              "janitor: standby, this instance does not hold the "
                  + "janitor lease (partition 0 of topic "
                  + LEASE
                  + " (group "
                  + group
                  + "-janitor))");
      gordons.get(holder).kill();
      inventory(dir, zone, "www=192.0.2.2");
      // the standby takes the lease once the group drops the killed member (session 6 s)
      awaitRecords(zone, "www.lease.test.", "www.lease.test. A 192.0.2.2");
      assertThat(standby.logText())
          .contains(
              "janitor lease acquired: partition 0 of topic " + LEASE,
              "janitor: this instance holds the janitor lease");
      // the run logs its end after its changes are applied, so the record can be seen first
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .untilAsserted(() -> assertThat(runs(standby)).as(standby.tail()).isPositive());
      assertThat(standby.stop()).as(standby.tail()).isZero();
    } finally {
      for (GordonProcess g : gordons) {
        g.close();
      }
    }
  }

  /** The index of the instance that has run the janitor at least three times, else -1. */
  private static int holder(List<GordonProcess> gordons) throws Exception {
    for (int i = 0; i < gordons.size(); i++) {
      if (runs(gordons.get(i)) >= 3) {
        return i;
      }
    }
    return -1;
  }

  /** Janitor runs that ended in this process. */
  private static int runs(GordonProcess g) throws Exception {
    return g.logText().split("janitor run ended", -1).length - 1;
  }

  /** How often it found itself a standby. */
  private static int standbys(GordonProcess g) throws Exception {
    return g.logText().split("janitor: standby", -1).length - 1;
  }

  private static void awaitRecords(String zone, String name, String... expected) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(() -> assertThat(hand.at(zone, name)).containsExactly(expected));
  }

  private static Path configure(Path d, String zone, String group, String janitor, String lease)
      throws Exception {
    Files.createDirectories(d);
    Files.writeString(
        d.resolve("gordon.toml"),
        TestToml.plugins("kafka.event_consumer", "rfc2136")
            .tables(
                """
                [kafka]
                bootstrap_servers = ["%s"]
                [kafka.event_consumer]
                topics = ["%s"]
                group_id = "%s"
                %s
                [kafka.event_consumer.client]
                "session.timeout.ms" = 6000
                """
                    .formatted(kafka.bootstrap(), EVENTS, group, lease))
            .rfc2136(bind, List.of(zone), "")
            .tables(
                janitor.isEmpty()
                    ? """
        [janitor]
        plugins = ["local.inventory", "kafka.publisher"]
        [local.inventory]
        path = "inventory.json"
        zones = ["%s"]
        [kafka.publisher]
        topic = "%s"
        """
                        .formatted(zone, EVENTS)
                    : janitor)
            .text());
    return d;
  }

  private static void inventory(Path d, String zone, String... hosts) throws Exception {
    Inventory.write(d, zone, hosts);
  }

  /** The first {@code n} records of the events topic, read from the start. */
  private static List<ConsumerRecord<String, String>> topic(int n) {
    List<ConsumerRecord<String, String>> out = new ArrayList<>();
    try (KafkaConsumer<String, String> c =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                kafka.bootstrap(),
                "group.id",
                "reader-" + UUID.randomUUID(),
                "auto.offset.reset",
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      c.subscribe(List.of(EVENTS));
      long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (out.size() < n && System.nanoTime() < end) {
        c.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    out.sort(java.util.Comparator.comparingLong(ConsumerRecord::timestamp));
    return out;
  }
}
