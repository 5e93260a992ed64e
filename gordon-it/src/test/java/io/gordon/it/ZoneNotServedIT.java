package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.gordon.testing.config.TestToml;
import io.gordon.testing.dns.BindServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/gordon run} with an rfc2136 zone that the real BIND does not serve (a typo in
 * {@code rfc2136.zones}, a zone moved to another server): BIND refuses the query gordon makes
 * before the update, and the operator is told so, for that zone alone. Before, the answer was
 * described as a refused <em>update</em> ("its allow-update or update-policy does not permit"), the
 * event was handed back to the spool every few seconds forever, and {@code /readyz} stayed 200 with
 * no line for the zone.
 */
class ZoneNotServedIT {
  static final Pattern ADMIN =
      Pattern.compile("admin server listening on http://127.0.0.1:(\\d+)/");
  static BindServer bind;
  @TempDir Path dir;

  @BeforeAll
  static void startBind() {
    bind = BindServer.start("served.test.");
  }

  @AfterAll
  static void stopBind() {
    bind.close();
  }

  @Test
  void anEventForAZoneTheServerDoesNotServeIsDeadLetteredAndTheZoneIsNotReady() throws Exception {
    Files.writeString(
        dir.resolve("gordon.toml"),
        TestToml.plugins("local.http", "rfc2136")
            .adminOnFreePort()
            .tables(
                """
                [local.http]
                listen = "127.0.0.1:0"
                directory = "var/spool/http"
                """)
            .rfc2136(bind, List.of("served.test.", "notserved.test."), "timeout = \"2s\"")
            .text());
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      Http http = new Http(gordon.httpPort());

      HttpResponse<String> served =
          http.post("?wait=true", Http.addA("served-1", "www.served.test.", "192.0.2.1"));
      HttpResponse<String> notServed =
          http.post("?wait=true", Http.addA("lost-1", "www.notserved.test.", "192.0.2.2"));

      assertThat(served.body()).contains("\"state\":\"applied\"");
      String reason =
          "cannot read the name servers of zone notserved.test. to rule out glue: "
              + bind.hostPort()
              + " refused the query for notserved.test./NS (zone notserved.test.) (REFUSED):"
              + " it does not serve zone notserved.test., or its allow-query does not permit key '"
              + bind.key().name()
              + "' (list only zones the server is primary for in rfc2136.zones)";
      assertThat(notServed.body())
          .as(gordon.tail())
          .contains("\"state\":\"dead-lettered\"", "\"reason\":\"" + reason);
      assertThat(Files.readString(dir.resolve("var/dead-letters.jsonl"))).contains("lost-1");
      Matcher m = ADMIN.matcher(gordon.logText());
      assertThat(m.find()).as(gordon.tail()).isTrue();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                HttpResponse<String> ready = readyz(Integer.parseInt(m.group(1)));
                assertThat(ready.statusCode()).isEqualTo(503);
                assertThat(ready.body())
                    .contains("rfc2136 zone notserved.test.: ")
                    .contains("refused the query for notserved.test./NS")
                    .doesNotContain("rfc2136 zone served.test.: ");
              });
      assertThat(gordon.stop()).isZero();
    }
  }

  private static HttpResponse<String> readyz(int port) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz")).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
