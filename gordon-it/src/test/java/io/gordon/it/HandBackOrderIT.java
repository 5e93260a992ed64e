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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Events handed back to the spool during a DNS server outage do not undo the newer events for their
 * names applied after it (acceptance pass 4: Knot restarted under a stream of versions left 222 of
 * 500 names at an older version). The real {@code bin/gordon run} takes version 1 of each name
 * while BIND is down (tried, then handed back), version 2 once BIND is back; the first applied
 * version 2 brings the version-1 events back, and each must be skipped as stale, not applied over
 * version 2.
 */
class HandBackOrderIT {
  static final int NAMES = 50;
  static final String ZONE = "handback.test.";
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

  private static String version(int v) {
    List<String> events = new ArrayList<>();
    for (int n = 0; n < NAMES; n++) {
      events.add(Http.addA("h" + n + "-v" + v, "h" + n + "." + ZONE, "10." + v + ".0." + n));
    }
    return "[" + String.join(",", events) + "]";
  }

  @Test
  void eventsHandedBackDuringAnOutageAreSkippedWhenANewerVersionWasAppliedAfterIt()
      throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        TestToml.plugins("local.http", "rfc2136")
            .tables(
                """
                [core.retry]
                attempts = 2
                initial_delay = "100ms"
                max_delay = "500ms"
                [local.http]
                listen = "127.0.0.1:0"
                directory = "var/spool/http"
                retry_delay = "1h"
                """)
            .rfc2136(bind, List.of(ZONE), "timeout = \"500ms\"")
            .text());
    Set<String> expected = new TreeSet<>();
    for (int n = 0; n < NAMES; n++) {
      expected.add("h" + n + "." + ZONE + " A 10.2.0." + n);
    }
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      Http http = new Http(gordon.httpPort());
      bind.stop();
      HttpResponse<String> first = http.post("?wait=true", version(1));
      assertThat(first.body()).as(gordon.tail()).doesNotContain("\"applied\"");
      bind.restart();
      HttpResponse<String> second = http.post("", version(2));
      assertThat(second.statusCode()).as(second.body()).isEqualTo(202);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                for (int n = 0; n < NAMES; n++) {
                  assertThat(http.get("h" + n + "-v1").body())
                      .as(gordon.tail())
                      .contains("\"state\":\"skipped\"");
                }
              });
      assertThat(aRecords()).isEqualTo(expected);
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
