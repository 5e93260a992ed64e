package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a web page in a browser (or DNS rebinding) could send to local.http is refused. */
class CrossSiteRequestIT {
  static final String EVENT = HttpSourceIT.A;
  static final String JSON = "Content-Type: application/json\r\n";
  @TempDir static Path root;
  static RunningHttpSource http;

  @BeforeAll
  static void start() {
    http =
        new RunningHttpSource(
            root,
            Map.of(
                "allowed_origins",
                List.of("https://admin.example.com"),
                "allowed_hosts",
                List.of("gordon.internal")));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    http.close();
  }

  @Test
  void aTextPlainBodyIsRefusedWith415AndNotSpooled() throws Exception {
    assertThat(http.post("Content-Type: text/plain\r\n", EVENT))
        .isEqualTo(
            "415 {\"error\":"
                + "\"Content-Type \\\"text/plain\\\" is not accepted: send application/json (one event or"
                + " an array) or application/x-ndjson (one event per line), in UTF-8\"}");
    assertThat(http.ctx.items).isEmpty();
  }

  @Test
  void aBodyWithoutContentTypeIsRefusedWith415() throws Exception {
    assertThat(http.post("", EVENT))
        .startsWith("415 {\"error\":\"Content-Type \\\"\\\" is not" + " accepted");
  }

  @Test
  void aFormPostIsRefusedWith415() throws Exception {
    assertThat(http.post("Content-Type: application/x-www-form-urlencoded\r\n", "a=b"))
        .startsWith("415 ");
  }

  @Test
  void jsonInAnotherCharsetIsRefusedWith415() throws Exception {
    assertThat(http.post("Content-Type: application/json; charset=utf-16\r\n", EVENT))
        .startsWith("415 ");
  }

  @Test
  void ndjsonAndJsonWithUtf8AreAccepted() throws Exception {
    assertThat(http.post("Content-Type: application/x-ndjson\r\n", EVENT + "\n" + EVENT))
        .startsWith("202 {\"accepted\":[");
    assertThat(http.post("Content-Type: application/json; charset=UTF-8\r\n", EVENT))
        .startsWith("202 ");
  }

  @Test
  void aForeignOriginIsRefusedWith403() throws Exception {
    assertThat(http.post(JSON + "Origin: https://evil.example\r\n", EVENT))
        .isEqualTo(
            "403"
                + " {\"error\":\"cross-origin request from Origin \\\"https://evil.example\\\" refused"
                + " (allowed_origins: https://admin.example.com)\"}");
    assertThat(http.post(JSON + "Origin: null\r\n", EVENT)).startsWith("403 ");
  }

  @Test
  void anAllowedOriginMayPost() throws Exception {
    assertThat(http.post(JSON + "Origin: https://admin.example.com\r\n", EVENT)).startsWith("202 ");
  }

  @Test
  void aForeignHostIsRefusedWith421() throws Exception {
    try (Socket s = http.connect()) {
      assertThat(
              http.send(s, "POST", "Host: attacker.example:" + http.port() + "\r\n" + JSON, EVENT))
          .isEqualTo(
              "421 {\"error\":\"Host \\\"attacker.example:"
                  + http.port()
                  + "\\\" does not name this server (allowed: 127.0.0.1, ::1, gordon.internal,"
                  + " localhost); add the name to allowed_hosts if it is yours\"}");
    }
  }

  @Test
  void theListenAddressLocalhostAndConfiguredNamesAreAcceptedHosts() throws Exception {
    for (String host :
        List.of(
            "127.0.0.1:" + http.port(),
            "localhost:" + http.port(),
            "LOCALHOST",
            "gordon.internal",
            "[::1]:" + http.port())) {
      try (Socket s = http.connect()) {
        assertThat(http.send(s, "POST", "Host: " + host + "\r\n" + JSON, EVENT))
            .as(host)
            .startsWith("202 ");
      }
    }
  }

  @Test
  void aStatusQueryFromAForeignOriginIsRefusedToo() throws Exception {
    try (Socket s = http.connect()) {
      String answer =
          http.send(s, "GET", "Host: 127.0.0.1\r\nOrigin: https://evil.example\r\n", "");
      assertThat(answer).startsWith("403 ");
    }
  }
}
