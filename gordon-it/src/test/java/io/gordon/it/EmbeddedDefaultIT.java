package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The quick start, for real: {@code bin/gordon run} on the repository's gordon.toml (ports set to
 * 0, its own directory), events over HTTP, records in the zone file, the file loads in BIND.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDefaultIT {
  Path dir;
  GordonProcess gordon;
  Http http;
  Path zone;

  @BeforeAll
  void start() throws Exception {
    dir = Configs.embeddedDefault(Files.createTempDirectory("gordon-e2e"));
    gordon = GordonProcess.start(dir);
    http = new Http(gordon.httpPort());
    zone = dir.resolve("var/zones/example.com.zone");
  }

  @AfterAll
  void stop() throws Exception {
    gordon.close();
  }

  @Test
  void anEventPostedOverHttpBecomesAZoneFileLine() throws Exception {
    HttpResponse<String> r = http.post("", Http.addA("qs-1", "www.example.com.", "192.0.2.10"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(r.body()).isEqualTo("{\"accepted\":[\"qs-1\"]}\n");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Zone.records(zone, "example.com."))
                    .contains("www.example.com. 300 IN A 192.0.2.10"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(http.get("qs-1").body()).contains("\"state\":\"applied\""));
  }

  @Test
  void waitAnswersWithTheOutcomeAndADeletionRemovesTheRecord() throws Exception {
    HttpResponse<String> r =
        http.post("?wait=true", Http.addA("w-1", "wait.example.com.", "192.0.2.11"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).contains("\"id\":\"w-1\",\"state\":\"applied\"");
    assertThat(Zone.records(zone, "example.com."))
        .contains("wait.example.com. 300 IN A 192.0.2.11");
    r =
        http.post(
            "?wait=true",
            "{\"action\":\"deletions\",\"resourceRecords\":{\"name\":"
                + "\"wait.example.com.\",\"type\":\"A\"}}");
    assertThat(r.body()).contains("\"state\":\"applied\"");
    assertThat(Zone.records(zone, "example.com.")).noneMatch(l -> l.startsWith("wait."));
  }

  @Test
  void invalidItemsAreExplainedAndValidOnesOfTheSameRequestAccepted() throws Exception {
    HttpResponse<String> r =
        http.post(
            "",
            Http.addA("ok-1", "ok.example.com.", "192.0.2.12")
                + "\n"
                + Http.addA("bad-1", "bad.example.com.", "192.0.2.300"));
    assertThat(r.statusCode()).isEqualTo(207);
    assertThat(r.body())
        .isEqualTo(
            "{\"errors\":[{\"index\":1,\"problems\":[\"resourceRecords"
                + ".rrdatas[0]: A rdata \\\"192.0.2.300\\\" is not an IPv4 address (expected four numbers"
                + " 0-255, e.g. 192.0.2.1)\"]}],\"accepted\":[\"ok-1\"]}\n");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(Zone.records(zone, "example.com."))
                    .contains("ok.example.com. 300 IN A 192.0.2.12"));
  }

  @Test
  void aRecordOutsideTheZoneIsDeadLetteredWithItsReason() throws Exception {
    HttpResponse<String> r =
        http.post("?wait=true", Http.addA("out-1", "www.example.org.", "192.0.2.13"));
    assertThat(r.body()).contains("\"state\":\"dead-lettered\"").contains("www.example.org.");
    assertThat(Files.readString(dir.resolve("var/dead-letters.jsonl"))).contains("out-1");
  }

  @Test
  void theProducedZoneFileLoadsInNamedCheckzone() throws Exception {
    HttpResponse<String> r =
        http.post(
            "?wait=true",
            "["
                + Http.addA("nc-1", "nc.example.com.", "192.0.2.14")
                + ","
                + "{\"id\":\"nc-2\",\"action\":\"additions\",\"resourceRecords\":[{\"name\":"
                + "\"nc.example.com.\",\"type\":\"TXT\",\"rrdatas\":[\"v=1; \\\"quoted\\\"\"]},"
                + "{\"name\":\"mx.example.com.\",\"type\":\"MX\",\"rrdatas\":[\"10 nc.example.com.\"]},"
                + "{\"name\":\"_s._tcp.example.com.\",\"type\":\"SRV\",\"rrdatas\":"
                + "[\"1 1 443 nc.example.com.\"]}]}]");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Zone.assertLoadsInBind("example.com", zone);
  }
}
