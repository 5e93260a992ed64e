package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import io.gordon.testing.dns.ZoneClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/gordon run}, local.http into rfc2136 against the real BIND with ownership on
 * (the default): the ownership wrapper now passes rfc2136's {@code max_batches_in_flight} (default
 * 2) on to the router, so a zone's batches overlap in the service, not only when the provider is
 * called directly. Concurrent requests creating, then replacing and removing, 2,000 names leave the
 * zone (AXFR) with exactly the expected records and one owner marker per remaining record.
 */
class Rfc2136ConcurrentServiceIT {
  static final String ZONE = "batches.test.";
  static final int NAMES = 2_000;
  static final int PER_REQUEST = 250;
  static BindServer bind;
  @TempDir Path dir;

  @BeforeAll
  static void startBind() {
    bind = BindServer.start(ZONE);
  }

  @AfterAll
  static void stopBind() {
    bind.close();
  }

  @Test
  void concurrentRequestsLeaveEveryRecordAndOwnerMarkerAsTheLastEventForItsNameSaid()
      throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        TestToml.plugins("local.http", "rfc2136")
            .tables(
                """
                [local.http]
                listen = "127.0.0.1:0"
                directory = "var/spool/http"
                """)
            .rfc2136(bind, List.of(ZONE), "")
            .text());
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      Http http = new Http(gordon.httpPort());
      send(http, gordon, i -> add(i, "10.0.%d.%d"));
      // Then every even name a new address, every eighth name from 1 removed (12.5%: below the
      // deletion breaker's 30%), the rest untouched.
      send(http, gordon, i -> i % 2 == 0 ? add(i, "10.1.%d.%d") : i % 8 == 1 ? remove(i) : null);
      Set<String> expected = new TreeSet<>();
      for (int i = 0; i < NAMES; i++) {
        if (i % 8 != 1) {
          expected.add(name(i) + " A " + address(i % 2 == 0 ? "10.1.%d.%d" : "10.0.%d.%d", i));
          expected.add("_gordon-a-h" + i + "." + ZONE + " TXT");
        }
      }
      Set<String> found = new TreeSet<>();
      for (String line : new ZoneClient(bind).records(ZONE)) {
        String[] f = line.split(" ");
        if (f[1].equals("A") && f[0].startsWith("h")) {
          found.add(line);
        } else if (f[1].equals("TXT") && f[0].startsWith("_gordon-a-")) {
          assertThat(line).as("marker of this gordon").contains("gordon");
          found.add(f[0] + " TXT");
        }
      }
      assertThat(found).as(gordon.tail()).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(gordon.stop()).isZero();
    }
  }

  /** Posts the events {@code event} gives (null: none for that name) in concurrent requests. */
  private static void send(Http http, GordonProcess gordon, IntFunction<String> event)
      throws Exception {
    List<String> bodies = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < NAMES; i++) {
      String e = event.apply(i);
      if (e != null) {
        body.append(e).append('\n');
      }
      if ((i + 1) % PER_REQUEST == 0 && body.length() > 0) {
        bodies.add(body.toString());
        body.setLength(0);
      }
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(bodies.size())) {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String b : bodies) {
        answers.add(pool.submit(() -> http.post("?wait=true", b)));
      }
      for (int k = 0; k < bodies.size(); k++) {
        HttpResponse<String> r = answers.get(k).get();
        assertThat(r.statusCode()).as(r.body() + gordon.tail()).isEqualTo(200);
        assertThat(r.body().split("\"state\":\"applied\"", -1))
            .as("every event of the request applied: " + r.body())
            .hasSize(bodies.get(k).split("\n").length + 1);
      }
    }
  }

  private static String name(int i) {
    return "h" + i + "." + ZONE;
  }

  private static String address(String pattern, int i) {
    return pattern.formatted(i / 250, i % 250);
  }

  private static String add(int i, String pattern) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
        + name(i)
        + "\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\""
        + address(pattern, i)
        + "\"]}}";
  }

  private static String remove(int i) {
    return "{\"action\":\"deletions\",\"resourceRecords\":{\"name\":\""
        + name(i)
        + "\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\""
        + address("10.0.%d.%d", i)
        + "\"]}}";
  }
}
