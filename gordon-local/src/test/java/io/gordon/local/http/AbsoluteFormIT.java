package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests in absolute form ({@code GET http://host:port/path}, as sent to a proxy), which a server
 * must accept (RFC 9112 3.2.2), with the URI's authority checked in place of the Host header.
 */
class AbsoluteFormIT {
  @TempDir static Path root;
  static RunningHttpSource http;

  @BeforeAll
  static void start() {
    http = new RunningHttpSource(root, Map.of());
  }

  @AfterAll
  static void stop() throws InterruptedException {
    http.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + http.port() + path;
  }

  @Test
  void anEventPostedAndLookedUpInAbsoluteFormIsAcceptedAndFound() throws Exception {
    // Before, both were 404: the path was taken to be the whole URI.
    String body = HttpSourceIT.A.replace("{\"action\"", "{\"id\":\"abs-1\",\"action\"");
    assertThat(
            http.exchange(
                "POST "
                    + url("/v1/events")
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: "
                    + body.length()
                    + "\r\n\r\n"
                    + body))
        .isEqualTo("202 {\"accepted\":[\"abs-1\"]}");
    assertThat(http.exchange("GET " + url("/v1/events/abs-1") + " HTTP/1.1\r\nHost: x\r\n\r\n"))
        .as("the URI's authority replaces the Host header, which is ignored")
        .startsWith("200 {\"id\":\"abs-1\",\"state\":\"pending\"");
    assertThat(http.exchange("GET HTTP://127.0.0.1/v1/events/abs-1?x=1 HTTP/1.1\r\n\r\n"))
        .startsWith("200 {\"id\":\"abs-1\"");
  }

  @Test
  void anAbsoluteFormNamingAnotherHostIs421EvenWithARightHostHeader() throws Exception {
    // DNS rebinding through the absolute form: the authority is what the client asked for.
    assertThat(
            http.exchange(
                "GET http://rebound.example:"
                    + http.port()
                    + "/v1/events/abs-1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        .isEqualTo(
            "421 {\"error\":\"Host \\\"rebound.example:"
                + http.port()
                + "\\\" does not name this server (allowed: 127.0.0.1, ::1, localhost); add the"
                + " name to allowed_hosts if it is yours\"}");
  }

  @Test
  void anAbsoluteFormWithoutAHostOrWithUserInfoIs400() throws Exception {
    assertThat(http.exchange("GET http:///v1/events/x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"))
        .isEqualTo(
            "400 {\"error\":\"request target \\\"http:///v1/events/x\\\" names no host or has"
                + " user info (expected http://host[:port]/path)\"}");
    assertThat(http.exchange("GET http://u:p@127.0.0.1/v1/events/x HTTP/1.1\r\n\r\n"))
        .startsWith("400 {\"error\":\"request target \\\"http://u:p@127.0.0.1/v1/events/x\\\"");
  }
}
