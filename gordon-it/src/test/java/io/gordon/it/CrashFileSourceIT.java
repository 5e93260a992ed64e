package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of a stream of file-source events, then a restart: every event read from
 * the spool is applied exactly as the stream says, none is lost, none is resurrected.
 */
class CrashFileSourceIT {
  static final int NAMES = 1500;
  static final int TAIL = 20_000;
  @TempDir Path dir;

  static String add(int i, String address) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"h"
        + i
        + ".example.com.\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\""
        + address
        + "\"]}}\n";
  }

  static String address(int i, int generation) {
    return "10." + generation + "." + (i / 250) + "." + (i % 250 + 1);
  }

  /** Writes a spool file completely before it appears under its final name. */
  static void drop(Path in, String name, String content) throws Exception {
    Path tmp = in.resolve("." + name + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, in.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  @Test
  void killedMidStreamItRestartsAndTheZoneHoldsExactlyTheExpectedRecords() throws Exception {
    Configs.fileSource(dir);
    Path in = Files.createDirectories(dir.resolve("var/spool/in"));
    Path zone = dir.resolve("var/zones/example.com.zone");
    StringBuilder adds = new StringBuilder();
    StringBuilder changes = new StringBuilder();
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < NAMES; i++) {
      adds.append(add(i, address(i, 1)));
      if (i % 3 == 0) {
        changes.append(
            "{\"action\":\"deletions\",\"resourceRecords\":{\"name\":\"h"
                + i
                + ".example.com.\",\"type\":\"A\"}}\n");
      } else if (i % 5 == 0) {
        changes.append(add(i, address(i, 2)));
        expected.add("h" + i + ".example.com. 300 IN A " + address(i, 2));
      } else {
        expected.add("h" + i + ".example.com. 300 IN A " + address(i, 1));
      }
    }
    // A tail of new names after the changes, so that the kill below lands while stream 2 is
    // still being applied even when gordon reads the whole file within one poll of the test.
    for (int i = NAMES; i < NAMES + TAIL; i++) {
      changes.append(add(i, address(i, 3)));
      expected.add("h" + i + ".example.com. 300 IN A " + address(i, 3));
    }
    drop(in, "stream-1.jsonl", adds.toString());
    Set<String> atKill;
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(5))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .until(() -> Zone.records(zone, "example.com.").size() >= 100);
      drop(in, "stream-2.jsonl", changes.toString());
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(5))
          .until(
              () ->
                  Files.exists(dir.resolve("var/spool/in/.progress/stream-2.jsonl.progress"))
                      || Zone.records(zone, "example.com.").size() >= NAMES / 2);
      gordon.kill();
      atKill = Zone.records(zone, "example.com.");
    }
    System.out.printf(
        "file crash: %d of %d expected records in the zone at the kill%n",
        atKill.stream().filter(expected::contains).count(), expected.size());
    assertThat(atKill).as("the kill came in the middle of the stream").isNotEqualTo(expected);
    try (GordonProcess again = GordonProcess.start(dir)) {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .failFast("gordon exited: " + again.tail(), () -> !again.alive())
          .untilAsserted(
              () -> {
                assertThat(in.resolve("done/stream-1.jsonl")).exists();
                assertThat(in.resolve("done/stream-2.jsonl")).exists();
              });
      Path dead = dir.resolve("var/dead-letters.jsonl");
      // Applied events reach the file at once or, under load, from the zone's journal within a
      // few rewrite times (docs/operations.md, local.zonefile).
      await()
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(50))
          .untilAsserted(
              () ->
                  assertThat(Zone.records(zone, "example.com."))
                      .as(
                          "dead letters: %s%nlog: %s",
                          Files.exists(dead) ? Files.readString(dead) : "none", again.tail())
                      .isEqualTo(expected));
      assertThat(dir.resolve("var/dead-letters.jsonl"))
          .satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p).isEmptyFile());
      Zone.assertLoadsInBind("example.com", zone);
    }
  }
}
