package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.testing.dns.BindServer;
import io.gordon.testing.gcp.PubSubEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out on Pub/Sub with real processes: the emulator, one subscription with message
 * ordering, two bin/gordon run sharing it, a real BIND over RFC 2136. One instance is killed
 * with SIGKILL mid-stream and started again; BIND's log shows every apply, in order.
 */
class PubSubScaleOutIT {
  static final String ZONE = "example.test.";
  static final String PROJECT = "gordon-scale";
  static final int NAMES = 300;
  static final int VERSIONS = 10;
  static BindServer bind;
  static PubSubEmulator emulator;
  @TempDir Path dir;

  @BeforeAll
  static void startServers() {
    bind = BindServer.start(ZONE);
    emulator = PubSubEmulator.start();
  }

  @AfterAll
  static void stopServers() {
    if (emulator != null) {
      emulator.close();
    }
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void twoSubscribersSurviveAKillWithNothingLostAndEveryNameInOrder() throws Exception {
    String topic = "dns-" + System.nanoTime();
    emulator.createTopic(PROJECT, topic);
    emulator.createSubscription(PROJECT, "gordon-" + topic, topic, true, 10);
    Instant base = Instant.now();
    for (int v = 1; v <= VERSIONS; v++) {
      for (int i = 0; i < NAMES; i++) {
        String name = "p" + i + "." + ZONE;
        emulator.publish(PROJECT, topic, "{\"action\":\"additions\",\"timestamp\":\""
            + base.plusMillis(v) + "\",\"resourceRecords\":{\"name\":\"" + name
            + "\",\"type\":\"TXT\",\"ttl\":300,\"rrdatas\":[\"\\\"v" + v + "\\\"\"]}}",
            Map.of(), name);
      }
    }
    List<GordonProcess> gordons = new ArrayList<>();
    try {
      for (String n : List.of("a", "b")) {
        gordons.add(GordonProcess.start(configure(n, topic)));
      }
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .failFast("a gordon exited", () -> gordons.stream().anyMatch(g -> !g.alive()))
          .until(() -> applied() >= NAMES * VERSIONS / 3);
      gordons.get(1).kill();
      int atKill = applied();
      System.out.printf("pubsub scale-out: %d of %d applies at the kill%n", atKill,
          NAMES * VERSIONS);
      assertThat(atKill).as("the kill came mid-stream").isLessThan(NAMES * VERSIONS);
      long restart = System.nanoTime();
      gordons.set(1, GordonProcess.start(dir.resolve("b")));
      await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500))
          .failFast("a gordon exited", () -> gordons.stream().anyMatch(g -> !g.alive()))
          .until(this::everyNameAtLastVersion);
      System.out.printf("pubsub scale-out: every name at its last version %.1f s after the "
          + "restart%n", (System.nanoTime() - restart) / 1e9);
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
    System.out.printf("pubsub scale-out: %d versions applied again after the kill "
        + "(at-least-once)%n", replays);
    for (String n : List.of("a", "b")) {
      assertThat(dir.resolve(n).resolve("var/dead-letters.jsonl")).doesNotExist();
    }
  }

  private Path configure(String instance, String topic) throws Exception {
    Path d = Files.createDirectories(dir.resolve(instance));
    Files.writeString(d.resolve("gordon.toml"), """
        [core]
        plugins = ["gcp.event_consumer", "rfc2136"]
        max_msg_age = 0
        [core.route]
        consume = "publish"
        publish = "cleanup"
        [core.admin]
        enabled = false
        [core.logging]
        level = "info"
        handlers = ["stream"]
        [core.dead_letter]
        path = "var/dead-letters.jsonl"
        [gcp.event_consumer]
        project = "%s"
        topic = "%s"
        subscription = "gordon-%s"
        create_subscription = false
        endpoint = "%s"
        ack_deadline = 10
        max_messages = 200
        [rfc2136]
        server = "%s"
        zones = ["%s"]
        tsig_key_name = "%s"
        tsig_secret = "%s"
        """.formatted(PROJECT, topic, topic, emulator.hostPort(), bind.hostPort(), ZONE,
        bind.key().name(), bind.key().secret()));
    return d;
  }

  /** BIND's log: named -g logs every record an update adds, in the order it applies them. */
  private static Path updates() {
    return bind.dir().resolve("named.log");
  }

  private static int applied() throws Exception {
    return UpdateLog.versions(updates()).values().stream().mapToInt(List::size).sum();
  }

  private boolean everyNameAtLastVersion() throws Exception {
    Map<String, List<Integer>> v = UpdateLog.versions(updates());
    return v.size() == NAMES && v.values().stream().allMatch(l -> l.getLast() == VERSIONS);
  }
}
