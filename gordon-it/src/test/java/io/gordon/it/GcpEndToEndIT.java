package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.testing.gcp.AuditLogEntries;
import io.gordon.testing.gcp.FakeGoogleApis;
import io.gordon.testing.gcp.FakeGoogleApis.Route;
import io.gordon.testing.gcp.FakeRrset;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bin/gordon with the gcp plugins: Pub/Sub emulator -> gcp.event_consumer -> gcp.enricher
 * (fake Compute) -> gcp.publisher (fake Cloud DNS).
 */
class GcpEndToEndIT {
  static final String PROJECT = "gordon-e2e";
  static final String DNS_PROJECT = "dns-project";
  static final String ZONE = "example-com";
  static PubSubEmulator emulator;
  static FakeGoogleApis google;
  static int seq;
  @TempDir Path dir;

  @BeforeAll
  static void startBackends() {
    emulator = PubSubEmulator.start();
    google = FakeGoogleApis.start();
    google.dns().addZone(DNS_PROJECT, ZONE, "example.com.");
  }

  @AfterAll
  static void stopBackends() {
    if (emulator != null) {
      emulator.close();
    }
    if (google != null) {
      google.close();
    }
  }

  /** Writes the config for a fresh topic and returns the topic. */
  String configure() throws Exception {
    return configure("");
  }

  /** Writes the config, with {@code consumerExtra} lines in the consumer's table. */
  String configure(String consumerExtra) throws Exception {
    seq++;
    String topic = "dns-changes-" + seq + "-" + System.nanoTime();
    emulator.createTopic(PROJECT, topic);
    Files.writeString(
        dir.resolve("gordon.toml"),
        """
        [core]
        plugins = ["gcp.event_consumer", "gcp.enricher", "gcp.publisher"]
        [core.route]
        consume = "enrich"
        enrich = "publish"
        publish = "cleanup"
        [core.admin]
        enabled = false
        [core.logging]
        level = "info"
        handlers = ["stream"]
        [core.dead_letter]
        path = "var/dead-letters.jsonl"
        [gcp]
        project = "%s"
        dns_zone = "example.com."
        [gcp.event_consumer]
        topic = "%s"
        subscription = "gordon-%s"
        endpoint = "%s"
        ack_deadline = 10
        max_messages = 50
        %s
        [gcp.enricher]
        endpoint = "%s"
        anonymous = true
        retry_delay = 0.05
        [gcp.publisher]
        project = "%s"
        endpoint = "%s"
        anonymous = true
        publish_wait_timeout = 10
        """
            .formatted(
                PROJECT,
                topic,
                topic,
                emulator.hostPort(),
                consumerExtra,
                google.rootUrl(),
                DNS_PROJECT,
                google.rootUrl()));
    return topic;
  }

  static void awaitSubscribed(GordonProcess gordon) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
        .until(() -> gordon.logText().contains("subscribed to projects/" + PROJECT));
  }

  @Test
  void anAuditLogInsertThenDeleteAddsThenRemovesTheInstanceRecord() throws Exception {
    String topic = configure();
    String name = "an-instance-name-b45c" + seq;
    String res = "projects/123456789101/zones/us-central1-c/instances/" + name;
    google
        .compute()
        .addInstance("123456789101", "us-central1-c", name, "203.0.113.45", "10.0.0.45");
    google.compute().withoutAddressFor("123456789101", "us-central1-c", name, 1);
    String fqdn = name + ".example.com.";
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      awaitSubscribed(gordon);
      emulator.publish(
          PROJECT,
          topic,
          AuditLogEntries.first("v1.compute.instances.insert", res, "op-" + seq),
          Map.of(),
          null);
      emulator.publish(
          PROJECT,
          topic,
          AuditLogEntries.last("v1.compute.instances.insert", res, "op-" + seq),
          Map.of(),
          null);
      await()
          .atMost(Duration.ofSeconds(60))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .until(() -> google.dns().rrset(DNS_PROJECT, ZONE, fqdn, "A").isPresent());
      assertThat(google.dns().rrset(DNS_PROJECT, ZONE, fqdn, "A"))
          .contains(FakeRrset.of(fqdn, "A", 300, "203.0.113.45"));
      emulator.publish(
          PROJECT,
          topic,
          AuditLogEntries.last("v1.compute.instances.delete", res, "op-del-" + seq),
          Map.of(),
          null);
      await()
          .atMost(Duration.ofSeconds(60))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .until(() -> google.dns().rrset(DNS_PROJECT, ZONE, fqdn, "A").isEmpty());
      // a change retried after a slow answer keeps its clientOperationId: count changes, not
      // requests
      long creates =
          google.requests(Route.CHANGES_CREATE).stream()
              .filter(r -> r.body().contains(fqdn))
              .map(r -> r.query().get("clientOperationId"))
              .distinct()
              .count();
      assertThat(creates)
          .as("one change to add, one to delete: the first entry is ignored")
          .isEqualTo(2);
      assertThat(gordon.stop()).isZero();
    }
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aKillMidStreamThenARestartLosesNothing() throws Exception {
    String topic = configure();
    int total = 300;
    // the whole stream is waiting before gordon starts, so the kill lands in the middle of it
    emulator.createSubscription(PROJECT, "gordon-" + topic, topic, false, 10);
    for (int i = 0; i < total; i++) {
      emulator.publish(PROJECT, topic, event("k" + seq + "h" + i, i), Map.of(), null);
    }
    // Cloud DNS goes down once 30 records are in (each with its owner marker), so gordon is
    // mid-stream (messages pulled, unacked, retrying) when killed however fast or slow the
    // machine is
    int held = google.dns().rrsets(DNS_PROJECT, ZONE).size();
    google.dns().outageOnceZoneHolds(DNS_PROJECT, ZONE, held + 2 * 30);
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(50))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .until(() -> applied() >= 30);
      gordon.kill();
    } finally {
      google.dns().endOutage();
    }
    int atKill = applied();
    System.out.printf("gcp crash: %d of %d records applied at the kill%n", atKill, total);
    assertThat(atKill).as("the kill came mid-stream").isLessThan(total);
    long restart = System.nanoTime();
    try (GordonProcess again = GordonProcess.start(dir)) {
      awaitSubscribed(again);
      // the messages the killed process held come back once their leases lapse: ~10 s idle,
      // several times that on a loaded machine
      await()
          .atMost(Duration.ofSeconds(180))
          .pollInterval(Duration.ofMillis(200))
          .failFast("gordon exited: " + again.tail(), () -> !again.alive())
          .until(() -> applied() == total);
    }
    System.out.printf(
        "gcp crash: all %d records applied %.1f s after the restart%n",
        total, (System.nanoTime() - restart) / 1e9);
    for (int i = 0; i < total; i++) {
      String n = "k" + seq + "h" + i + ".example.com.";
      assertThat(google.dns().rrset(DNS_PROJECT, ZONE, n, "A"))
          .contains(FakeRrset.of(n, "A", 300, address(i)));
    }
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aMessageOlderThanMaxMsgAgeIsDeadLetteredNotApplied() throws Exception {
    String topic = configure("max_msg_age = 1");
    emulator.createSubscription(PROJECT, "gordon-" + topic, topic, false, 10);
    String host = "old" + seq;
    String id = emulator.publish(PROJECT, topic, event(host, 7), Map.of(), null);
    Thread.sleep(1500); // setup: let the message age past max_msg_age before gordon sees it
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .until(() -> deadLetters().contains("\"" + id + "\""));
      assertThat(deadLetters()).contains("older than max_msg_age of 1");
      assertThat(google.dns().rrset(DNS_PROJECT, ZONE, host + ".example.com.", "A")).isEmpty();
    }
  }

  /**
   * JDK 24 and newer warn on stderr when gRPC's shaded Netty and protobuf call sun.misc.Unsafe or
   * load a native library: eight WARNING lines at every start with the gcp plugins, until the
   * launcher allowed both (bin/jvm-options.sh, GORDON_LIBRARY_ACCESS_OPTS).
   */
  @Test
  void theJdksWarningsAboutTheGrpcLibrariesStayOffStderr() throws Exception {
    String topic = configure();
    String host = "quiet" + seq;
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      awaitSubscribed(gordon);
      emulator.publish(PROJECT, topic, event(host, 3), Map.of(), null);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .until(
              () -> !google.dns().rrset(DNS_PROJECT, ZONE, host + ".example.com.", "A").isEmpty());
      assertThat(gordon.logText())
          .doesNotContain("sun.misc.Unsafe")
          .doesNotContain("A restricted method")
          .doesNotContain("--enable-native-access");
    }
  }

  private int applied() {
    String prefix = "k" + seq + "h";
    return (int)
        google.dns().rrsets(DNS_PROJECT, ZONE).stream()
            .filter(r -> r.name().startsWith(prefix))
            .count();
  }

  private static String address(int i) {
    return "10.9." + (i / 250) + "." + (i % 250 + 1);
  }

  private static String event(String host, int i) {
    return "{\"action\":\"additions\",\"timestamp\":\""
        + Instant.now()
        + "\","
        + "\"resourceRecords\":{\"name\":\""
        + host
        + ".example.com.\",\"type\":\"A\","
        + "\"rrdatas\":[\""
        + address(i)
        + "\"],\"ttl\":300}}";
  }

  private String deadLetters() throws Exception {
    Path p = dir.resolve("var/dead-letters.jsonl");
    return Files.exists(p) ? Files.readString(p) : "";
  }
}
