package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import io.gordon.testing.kafka.KafkaBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.ZoneTransferIn;

/**
 * Scale-out with real processes: one Kafka broker (bin/kafka-broker), three bin/gordon run in one
 * consumer group, a real BIND over RFC 2136. One instance is killed with SIGKILL mid-stream and
 * started again; BIND's own update log shows every apply, in order.
 */
class KafkaScaleOutIT {
  static final String ZONE = "example.test.";
  static final String TOPIC = "dns-events";
  static final int NAMES = 3000;
  static final int VERSIONS = 10;
  static BindServer bind;
  static KafkaBroker kafka;
  @TempDir Path dir;

  @BeforeAll
  static void startServers() {
    bind = BindServer.start(ZONE);
    kafka = KafkaBroker.start(Map.of(TOPIC, 6));
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
  void threeInstancesSurviveAKillWithNothingLostAndEveryNameInOrder() throws Exception {
    produce();
    List<GordonProcess> gordons = new ArrayList<>();
    try {
      long start = System.nanoTime();
      for (String n : List.of("a", "b", "c")) {
        gordons.add(GordonProcess.start(configure(n)));
      }
      // generous bounds: at load 22 on 2 cores the first third took 96 s (start-ups included)
      awaitApplied(gordons, NAMES * VERSIONS / 3, Duration.ofSeconds(240));
      gordons.get(1).kill();
      int atKill = applied();
      System.out.printf(
          "kafka scale-out: %d of %d applies at the kill (%.1f s)%n",
          atKill, NAMES * VERSIONS, (System.nanoTime() - start) / 1e9);
      assertThat(atKill).as("the kill came mid-stream").isLessThan(NAMES * VERSIONS);
      long restart = System.nanoTime();
      gordons.set(1, GordonProcess.start(dir.resolve("b")));
      await()
          .atMost(Duration.ofSeconds(240))
          .pollInterval(Duration.ofMillis(500))
          .failFast("a gordon exited", () -> gordons.stream().anyMatch(g -> !g.alive()))
          .until(this::everyNameAtLastVersion);
      System.out.printf(
          "kafka scale-out: every name at its last version %.1f s after the "
              + "restart, %.1f s in all%n",
          (System.nanoTime() - restart) / 1e9, (System.nanoTime() - start) / 1e9);
      for (GordonProcess g : gordons) {
        assertThat(g.stop()).as("exit status of " + g.configDir()).isZero();
      }
    } finally {
      for (GordonProcess g : gordons) {
        g.close();
      }
    }
    Map<String, List<Integer>> applied = UpdateLog.versions(updates());
    assertThat(applied).hasSize(NAMES);
    int replays = 0;
    for (Map.Entry<String, List<Integer>> e : applied.entrySet()) {
      assertThat(UpdateLog.problem(e.getValue(), VERSIONS)).as(e.getKey()).isNull();
      replays += UpdateLog.replays(e.getValue());
    }
    System.out.printf(
        "kafka scale-out: %d names repeated a version after the kill " + "(at-least-once)%n",
        replays);
    assertThat(zoneVersions())
        .as("the zone, by AXFR")
        .hasSize(NAMES)
        .allSatisfy((name, v) -> assertThat(v).as(name).isEqualTo("v" + VERSIONS));
    for (String n : List.of("a", "b", "c")) {
      assertThat(dir.resolve(n).resolve("var/dead-letters.jsonl")).doesNotExist();
    }
  }

  /** 30,000 events, 10 versions of 3,000 names, keyed by name, versions in order. */
  private static void produce() throws Exception {
    Instant base = Instant.now();
    try (KafkaProducer<String, String> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka.bootstrap(), "acks", "all", "linger.ms", 20),
            new StringSerializer(),
            new StringSerializer())) {
      for (int v = 1; v <= VERSIONS; v++) {
        for (int i = 0; i < NAMES; i++) {
          String name = "n" + i + "." + ZONE;
          p.send(
              new ProducerRecord<>(
                  TOPIC,
                  name,
                  "{\"action\":\"additions\",\"timestamp\":\""
                      + base.plusMillis(v)
                      + "\",\"resourceRecords\":{\"name\":\""
                      + name
                      + "\",\"type\":\"TXT\",\"ttl\":300,\"rrdatas\":[\"\\\"v"
                      + v
                      + "\\\"\"]}}"));
        }
      }
      p.flush();
    }
  }

  private Path configure(String instance) throws Exception {
    Path d = Files.createDirectories(dir.resolve(instance));
    Files.writeString(
        d.resolve("gordon.toml"),
        TestToml.plugins("kafka.event_consumer", "rfc2136")
            .core("max_msg_age = 0")
            .kafkaGroupMember(kafka.bootstrap(), TOPIC, "gordon-scale-out")
            .rfc2136(bind, List.of(ZONE), "")
            .text(),
        StandardCharsets.UTF_8);
    return d;
  }

  private static void awaitApplied(List<GordonProcess> gordons, int count, Duration within)
      throws Exception {
    try {
      await()
          .atMost(within)
          .pollInterval(Duration.ofMillis(500))
          .failFast("a gordon exited", () -> gordons.stream().anyMatch(g -> !g.alive()))
          .until(() -> applied() >= count);
    } catch (org.awaitility.core.ConditionTimeoutException
        | org.awaitility.core.TerminalFailureException e) {
      StringBuilder sb =
          new StringBuilder("waiting for " + count + " applies, BIND applied " + applied() + "; ");
      gordons.forEach(
          g ->
              sb.append("\n--- ")
                  .append(g.configDir())
                  .append(g.alive() ? "" : " (exited)")
                  .append(":\n")
                  .append(g.tail()));
      throw new AssertionError(sb.toString(), e);
    }
  }

  /**
   * BIND's log: the harness runs named in the foreground ({@code -g}), which logs every record an
   * update adds, in the order it applies them, to named.log.
   */
  private static Path updates() {
    return bind.dir().resolve("named.log");
  }

  /** Applies so far, by BIND's update log. */
  private static int applied() throws Exception {
    return UpdateLog.versions(updates()).values().stream().mapToInt(List::size).sum();
  }

  private boolean everyNameAtLastVersion() throws Exception {
    Map<String, List<Integer>> v = UpdateLog.versions(updates());
    return v.size() == NAMES && v.values().stream().allMatch(l -> l.getLast() == VERSIONS);
  }

  /** Name to TXT string of every n* record in the zone, read by TSIG-signed AXFR. */
  private static Map<String, String> zoneVersions() throws Exception {
    ZoneTransferIn xfr =
        ZoneTransferIn.newAXFR(
            Name.fromString(ZONE),
            bind.address(),
            new TSIG(TSIG.HMAC_SHA256, bind.key().name(), bind.key().secret()));
    xfr.setTimeout(Duration.ofSeconds(30));
    xfr.run();
    Map<String, String> out = new java.util.HashMap<>();
    for (Record r : xfr.getAXFR()) {
      if (r instanceof TXTRecord t && r.getName().toString().startsWith("n")) {
        assertThat(out.put(r.getName().toString(), String.join("", t.getStrings())))
            .as("one TXT per name")
            .isNull();
      }
    }
    return out;
  }
}
