package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import io.gordon.testing.dns.ZoneClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provider outage longer than {@code core.max_msg_age} loses nothing (issue 10, item 3): the real
 * {@code bin/gordon run} takes events over local.http into the rfc2136 provider while the real BIND
 * process is gone, and applies every one of them once BIND is back on the same port.
 *
 * <p>Why this fails on the old behaviour: there {@code max_msg_age} was checked again each time an
 * event was submitted, including resubmission of an accepted event after its tries were used up.
 * Here the age limit is 3 s, each delivery gets 2 quick tries and BIND stays down for 8 s, so every
 * event is handed back to the spool and resubmitted at least once when it is already older than 3
 * s; the old code dead-lettered it as too old at that point, leaving the zone without the record
 * and the dead-letter file with up to {@value #EVENTS} lines. With the age rule applied once at
 * intake, the events are retried until {@code core.retry.deadline} (120 s, far away).
 *
 * <p>After the outage the handed-back events do not wait out their redelivery delay (40 s were seen
 * with the default doubling {@code retry_delay}): here it is an hour, and one new event posted once
 * BIND is back is applied and brings every waiting one back at once (issue leftovers2, item 4).
 * Before, the test timed out waiting for them.
 */
class ProviderOutageIT {
  static final int EVENTS = 200;
  static final String ZONE = "outage.test.";
  static final Duration OUTAGE = Duration.ofSeconds(8);
  static BindServer bind;
  static ZoneClient zone;
  @TempDir Path dir;

  @BeforeAll
  static void startBind() {
    bind = BindServer.start(ZONE);
    zone = new ZoneClient(bind);
  }

  @AfterAll
  static void stopBind() {
    bind.close();
  }

  private void configure() throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        TestToml.plugins("local.http", "rfc2136")
            .core("max_msg_age = \"3s\"")
            .tables(
                """
                [core.retry]
                attempts = 2
                initial_delay = "100ms"
                max_delay = "1s"
                deadline = "120s"
                [local.http]
                listen = "127.0.0.1:0"
                directory = "var/spool/http"
                retry_delay = "1h"
                """)
            .rfc2136(bind, List.of(ZONE), "timeout = \"500ms\"")
            .text());
  }

  static String address(int n) {
    return "10.9." + (n / 250) + "." + (n % 250 + 1);
  }

  @Test
  void everyEventAcceptedDuringAnOutageLongerThanMaxMsgAgeReachesBindAfterIt() throws Exception {
    configure();
    Set<String> expected = new TreeSet<>();
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      Http http = new Http(gordon.httpPort());
      bind.stop();
      assertThat(bind.isRunning()).as("BIND is gone").isFalse();
      long down = System.nanoTime();
      for (int n = 0; n < EVENTS; n++) {
        String name = "h" + n + "." + ZONE;
        HttpResponse<String> r = http.post("", Http.addA("outage-" + n, name, address(n)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        expected.add(name + " A " + address(n));
      }
      long left = OUTAGE.toMillis() - (System.nanoTime() - down) / 1_000_000;
      Thread.sleep(Math.max(0, left));
      assertThat(gordon.alive()).as(gordon.tail()).isTrue();
      bind.restart();
      // A new event, posted until one is applied (the first may meet BIND still starting).
      AtomicInteger probes = new AtomicInteger();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () ->
                  assertThat(
                          http.post(
                                  "?wait=true",
                                  Http.addA(
                                      "probe-" + probes.incrementAndGet(),
                                      "probe." + ZONE,
                                      address(probes.get())))
                              .body())
                      .as(gordon.tail())
                      .contains("\"state\":\"applied\""));
      await()
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofMillis(500))
          .failFast("gordon exited: " + gordon.tail(), () -> !gordon.alive())
          .untilAsserted(() -> assertThat(aRecords()).as(gordon.tail()).containsAll(expected));
      assertThat(aRecords()).isEqualTo(expected);
      Path deadLetters = dir.resolve("var/dead-letters.jsonl");
      assertThat(Files.exists(deadLetters) ? Files.readAllLines(deadLetters) : List.of())
          .as("dead letters")
          .isEmpty();
      assertThat(gordon.stop()).as(gordon.tail()).isZero();
    }
  }

  private static Set<String> aRecords() {
    Set<String> out = new TreeSet<>();
    for (String line : zone.records(ZONE)) {
      if (line.startsWith("h") && line.contains(" A ")) {
        out.add(line);
      }
    }
    return out;
  }
}
