package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gordon.api.GordonException;
import io.gordon.api.config.Secret;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.source.Utf8;
import io.gordon.local.RecordingSourceContext;
import io.gordon.local.RecordingSourceContext.Item;
import io.gordon.local.TestContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpSourceIT {
  static final String A =
      "{\"action\":\"additions\",\"resourceRecords\":{\"name\":"
          + "\"www.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.1\"]}}";
  static final String BAD =
      "{\"action\":\"additions\",\"resourceRecords\":{\"name\":"
          + "\"www.example.com.\",\"type\":\"A\",\"ttl\":5,\"rrdatas\":[\"192.0.2.1\"]}}";
  @TempDir Path root;
  final HttpClient client = HttpClient.newHttpClient();
  HttpSource source;
  RecordingSourceContext ctx;
  Thread runner;

  void start(Map<String, Object> extra) {
    Map<String, Object> values =
        new HashMap<>(Map.of("listen", "127.0.0.1:0", "max_body_bytes", 2048L));
    values.putAll(extra);
    source =
        (HttpSource)
            new HttpSourceFactory()
                .create(
                    TestContext.of(
                        "local.http", HttpSourceFactory.SPEC, values, Clock.systemUTC(), root));
    source.start();
    ctx = new RecordingSourceContext();
    runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    source.run(ctx);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (source != null) {
      source.shutdown();
      runner.join(5000);
    }
  }

  HttpResponse<String> post(String query, String body, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + source.port() + "/v1/events" + query))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json");
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String id) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + source.port() + "/v1/events/" + id))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String spool() throws Exception {
    StringBuilder sb = new StringBuilder();
    try (Stream<Path> s = Files.list(root.resolve("var/spool/http"))) {
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .toList()) {
        sb.append(Files.readString(p));
      }
    }
    return sb.toString();
  }

  @Test
  void anAcceptedEventIsSpooledBeforeTheAnswerAndItsStatusFollowsTheOutcome() throws Exception {
    start(Map.of());
    HttpResponse<String> r = post("", A.replace("{\"action\"", "{\"id\":\"e-1\",\"action\""));
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(r.body()).isEqualTo("{\"accepted\":[\"e-1\"]}\n");
    assertThat(spool())
        .isEqualTo(
            "{\"id\":\"e-1\",\"action\":\"additions\",\"resourceRecords\":"
                + "[{\"name\":\"www.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.1\"]}]}\n");
    Item item = ctx.next();
    assertThat(item.id()).isEqualTo("e-1");
    assertThat(get("e-1").body()).contains("\"state\":\"pending\"");
    item.delivery()
        .settle(
            "e-1",
            new Outcome.Applied(),
            List.of(
                new HistoryEntry(
                    Instant.parse("2026-01-01T00:00:00Z"), "local.zonefile", "applied")));
    HttpResponse<String> status = get("e-1");
    assertThat(status.statusCode()).isEqualTo(200);
    assertThat(status.body())
        .startsWith("{\"id\":\"e-1\",\"state\":\"applied\",\"updated\":")
        .endsWith(
            "\"history\":[{\"timestamp\":\"2026-01-01T00:00:00Z\",\"plugin\":"
                + "\"local.zonefile\",\"message\":\"applied\"}]}\n");
  }

  @Test
  void anEventsCreationTimeIsWhenItsRequestWasAccepted() throws Exception {
    start(Map.of());
    Instant before = Instant.now();
    assertThat(post("", A).statusCode()).isEqualTo(202);
    Instant after = Instant.now();
    Instant created = ctx.next().message().createdAt();
    assertThat(created).isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), after);
    try (Stream<Path> s = Files.list(root.resolve("var/spool/http/.received"))) {
      assertThat(s.map(p -> p.getFileName().toString()).toList())
          .singleElement()
          .asString()
          .matches("http-\\d{13}-\\d{4}\\.jsonl");
    }
  }

  @Test
  void validItemsAreAcceptedNextToInvalidOnesWith207ListingExactlyWhich() throws Exception {
    start(Map.of());
    HttpResponse<String> r = post("", "[" + A + "," + BAD + "]");
    assertThat(r.statusCode()).isEqualTo(207);
    assertThat(r.body())
        .matches(
            "\\{\"errors\":\\[\\{\"index\":1,\"problems\":\\[\""
                + "resourceRecords.ttl: 5 is below the minimum 60 \\(expected 60..86400\\)\"]}],"
                + "\"accepted\":\\[\"[0-9a-f-]{36}\"]}\n");
    assertThat(ctx.next().message().event().records()).hasSize(1);
  }

  @Test
  void aBodyThatIsNotUtf8IsRefusedWith400NamingTheByteWhileUtf8AndEscapedReplacementsPass()
      throws Exception {
    start(Map.of());
    byte[] latin1 = A.replace("www", "w\u00e9w").getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + source.port() + "/v1/events"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(latin1))
                .header("Content-Type", "application/json")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"request body is not valid UTF-8: byte 0xE9 at offset "
                + (A.indexOf("www") + 1)
                + " (expected UTF-8 text, RFC 8259)\"}\n");
    assertThat(Utf8.firstInvalidByte("a\uFFFDb".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThat(post("", A).statusCode()).isEqualTo(202);
  }

  @Test
  void jsonLinesAreAcceptedItemByItem() throws Exception {
    start(Map.of());
    HttpResponse<String> r = post("", A + "\n" + A.replace("www", "ftp") + "\n");
    assertThat(r.statusCode()).isEqualTo(202);
    assertThat(ctx.next().message().event().records().get(0).name()).isEqualTo("www.example.com.");
    assertThat(ctx.next().message().event().records().get(0).name()).isEqualTo("ftp.example.com.");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413() throws Exception {
    start(Map.of());
    HttpResponse<String> r = post("", "[" + (A + ",").repeat(30) + A + "]");
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"request body is larger than max_body_bytes" + " (2048 bytes)\"}\n");
  }

  @Test
  void aConfiguredTokenIsRequired() throws Exception {
    start(Map.of("token", new Secret("s3cret", "inline")));
    HttpResponse<String> r = post("", A);
    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(post("", A, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(post("", A, "Authorization", "Bearer s3cret").statusCode()).isEqualTo(202);
  }

  @Test
  void waitAnswersOnceTheEventIsFinished() throws Exception {
    start(Map.of());
    CompletableFuture<HttpResponse<String>> answer =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return post("?wait=true", A.replace("{\"action\"", "{\"id\":\"w1\",\"action\""));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    ctx.next().settle(new Outcome.DeadLettered("provider said no"));
    HttpResponse<String> r = answer.get();
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .startsWith(
            "{\"accepted\":[\"w1\"],\"results\":[{\"id\":\"w1\","
                + "\"state\":\"dead-lettered\",\"reason\":\"provider said no\"");
  }

  @Test
  void anIdReusedWithOtherContentIs409NamingBothWhileTheSameContentIsAcceptedAgain()
      throws Exception {
    start(Map.of());
    String first = A.replace("{\"action\"", "{\"id\":\"dup\",\"action\"");
    assertThat(post("", first).statusCode()).isEqualTo(202);
    assertThat(post("", first).statusCode()).isEqualTo(202);

    HttpResponse<String> r = post("", first.replace("192.0.2.1", "192.0.2.99"));

    assertThat(r.statusCode()).isEqualTo(409);
    String earlier =
        "{\"id\":\"dup\",\"action\":\"additions\",\"resourceRecords\":[{\"name\":"
            + "\"www.example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.1\"]}]}";
    String now = earlier.replace("192.0.2.1", "192.0.2.99");
    assertThat(r.body())
        .isEqualTo(
            "{\"errors\":[{\"index\":0,\"id\":\"dup\",\"problems\":[\"id"
                + " \\\"dup\\\" was already accepted with different content: earlier "
                + earlier.replace("\"", "\\\"")
                + ", now "
                + now.replace("\"", "\\\"")
                + " (use a new id"
                + " for a new event; the same id with the same content is accepted again as a retry)\"],"
                + "\"earlier\":"
                + earlier
                + ",\"now\":"
                + now
                + "}],\"accepted\":[]}\n");
    assertThat(spool()).doesNotContain("192.0.2.99");
  }

  @Test
  void aSecondSourceOnTheSameSpoolIsRefusedNamingThePathAndThisPid() {
    start(Map.of());
    HttpSource second =
        (HttpSource)
            new HttpSourceFactory()
                .create(
                    TestContext.of(
                        "local.http",
                        HttpSourceFactory.SPEC,
                        Map.of("listen", "127.0.0.1:0"),
                        Clock.systemUTC(),
                        root));
    Path spool = root.resolve("var/spool/http");
    assertThatThrownBy(second::start)
        .hasMessageStartingWith(
            "local.http spool: "
                + spool
                + " is locked by this process (pid "
                + ProcessHandle.current().pid()
                + "), by another"
                + " component; lock file "
                + spool.toAbsolutePath().resolve(".lock")
                + ".");
  }

  @Test
  void anUnknownIdIs404() throws Exception {
    start(Map.of());
    HttpResponse<String> r = get("nope");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo(
            "{\"error\":\"unknown event id \\\"nope\\\" (never accepted"
                + " here, or finished longer ago than status_retention)\"}\n");
  }

  @Test
  void unsettledEventsAreSubmittedAgainAfterARestart() throws Exception {
    start(Map.of());
    post("", A.replace("{\"action\"", "{\"id\":\"r1\",\"action\""));
    post("", A.replace("{\"action\"", "{\"id\":\"r2\",\"action\""));
    ctx.next().settle(new Outcome.Applied());
    assertThat(ctx.next().id()).isEqualTo("r2");
    stop();
    start(Map.of());
    assertThat(ctx.next().id()).isEqualTo("r2");
  }

  @Test
  void aNonLoopbackAddressWithoutATokenIsRefused() {
    source = null;
    HttpSource s =
        (HttpSource)
            new HttpSourceFactory()
                .create(
                    TestContext.of(
                        "local.http",
                        HttpSourceFactory.SPEC,
                        Map.of("listen", "0.0.0.0:0"),
                        Clock.systemUTC(),
                        root));
    assertThatThrownBy(s::start)
        .isInstanceOf(GordonException.class)
        .hasMessage(
            "local.http:"
                + " refusing to listen on 0.0.0.0:0 without a token: anyone who reaches it could change"
                + " DNS records. Set token (e.g. token = { env = \"GORDON_HTTP_TOKEN\" }) or listen on"
                + " 127.0.0.1.");
  }
}
