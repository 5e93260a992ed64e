package io.gordon.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [janitor] interval} runs the janitor inside the real {@code bin/gordon run}. */
class JanitorScheduleIT {
  private static final Pattern ADMIN =
      Pattern.compile("admin server listening on http://127\\.0\\.0\\.1:(\\d+)/");
  @TempDir Path dir;

  @Test
  void theServiceRunsTheJanitorOnItsIntervalAndReadyzShowsIt() throws Exception {
    Configs.embeddedDefault(dir);
    Files.writeString(
        dir.resolve("gordon.toml"),
        Files.readString(dir.resolve("gordon.toml"))
            + "\n[janitor]\nplugins = [\"local.inventory\"]\ninterval = \"1s\"\n"
            + "[local.inventory]\npath = \"inventory.json\"\nzones = [\"example.com.\"]\n");
    Files.writeString(
        dir.resolve("inventory.json"),
        "[{\"name\": \"web.example.com.\", \"type\": \"A\", \"ttl\": 300,"
            + " \"rrdatas\": [\"192.0.2.50\"]}]");
    Path zone = dir.resolve("var/zones/example.com.zone");
    try (GordonProcess gordon = GordonProcess.start(dir)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(Files.exists(zone) ? Files.readString(zone) : "")
                      .as(gordon.tail())
                      .contains("web.example.com. 300 IN A 192.0.2.50"));
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(gordon.logText()).contains("janitor run ended: success"));
      Matcher m = ADMIN.matcher(gordon.logText());
      assertThat(m.find()).as(gordon.tail()).isTrue();
      HttpResponse<String> ready =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + m.group(1) + "/readyz"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(ready.body()).contains("janitor");
      assertThat(gordon.stop()).isZero();
    }
  }
}
