package io.gordon.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.metrics.PrometheusRelay;
import io.gordon.core.runtime.HealthRegistry;
import io.gordon.testing.fakes.MutableClock;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminServerIT {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
  private static final HealthRegistry HEALTH = new HealthRegistry(CLOCK, Duration.ofSeconds(30));
  private static final PrometheusRelay PROM = new PrometheusRelay();
  private static AdminServer server;
  private static AdminServer plain;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server = AdminServer.start("127.0.0.1:0", HEALTH, PROM, Map::of);
    plain =
        AdminServer.start("127.0.0.1:0", HEALTH, MetricRelay.noop(), () -> Map.of("consumed", 7L));
  }

  @AfterAll
  static void stop() {
    server.close();
    plain.close();
  }

  private static HttpResponse<String> get(AdminServer s, String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readinessFollowsPluginStartAndFailuresPastTheThreshold() throws Exception {
    HealthReporter src = HEALTH.register("pubsub");
    assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
    HttpResponse<String> r = get(server, "/readyz");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body())
        .isEqualTo(
            "not ready\npubsub: not started; next: wait for its start; if this lasts, the log says"
                + " what it waits for\n");

    HEALTH.started("pubsub");
    assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);

    src.unhealthy("subscribe failed: UNAVAILABLE");
    CLOCK.advance(Duration.ofSeconds(29));
    assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
    CLOCK.advance(Duration.ofSeconds(1));
    r = get(server, "/readyz");
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body())
        .isEqualTo(
            "not ready\npubsub: failing since 2026-11-25T10:00:00Z: "
                + "subscribe failed: UNAVAILABLE; next: fix what the reason names (the plugin"
                + " retries by itself; its docs list the causes)\n");

    src.healthy();
    assertThat(get(server, "/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void metricsServesPrometheusTextWhenThatRelayIsActive() throws Exception {
    PROM.incr("router-message-consumed");
    HttpResponse<String> r = get(server, "/metrics");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("router_message_consumed_total 1.0");
  }

  @Test
  void anUnknownPathGetsA404NamingTheThreePaths() throws Exception {
    for (String path : List.of("/", "/nope", "/readyzz", "/healthz/x")) {
      HttpResponse<String> r = get(plain, path);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body())
          .isEqualTo("no such path " + path + " (expected /healthz, /readyz or /metrics)\n");
    }
  }

  @Test
  void metricsServesRouterTotalsOtherwise() throws Exception {
    assertThat(get(plain, "/metrics").body()).isEqualTo("gordon_router_consumed 7\n");
  }

  @Test
  void halfSentRequestsAreBoundedInNumberAndCutAfterTheRequestTime() throws Exception {
    // Before, the JDK server kept every connection and every half-read request forever: 8,380
    // such clients ended the real process with OutOfMemoryError.
    AdminServer s = AdminServer.start("127.0.0.1:0", HEALTH, MetricRelay.noop(), Map::of);
    List<Socket> held = new ArrayList<>();
    try {
      for (int i = 0; i < AdminServer.MAX_CONNECTIONS; i++) {
        Socket c = new Socket("127.0.0.1", s.port());
        c.getOutputStream().write("GET /healthz HTTP/1.1\r\n".getBytes(StandardCharsets.UTF_8));
        held.add(c);
      }
      try (Socket extra = new Socket("127.0.0.1", s.port())) {
        assertThat(closedByServerWithin(extra, 5)).as("a connection beyond the limit").isTrue();
      }
      long start = System.nanoTime();
      for (Socket c : held) {
        assertThat(closedByServerWithin(c, AdminServer.MAX_REQUEST_SECONDS + 10)).isTrue();
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isLessThan(Duration.ofSeconds(AdminServer.MAX_REQUEST_SECONDS + 5));
      assertThat(get(s, "/healthz").statusCode()).isEqualTo(200);
    } finally {
      for (Socket c : held) {
        c.close();
      }
      s.close();
    }
  }

  private static boolean closedByServerWithin(Socket c, int seconds) throws IOException {
    c.setSoTimeout(seconds * 1000);
    try {
      return c.getInputStream().read() == -1;
    } catch (SocketException reset) {
      return true;
    }
  }
}
