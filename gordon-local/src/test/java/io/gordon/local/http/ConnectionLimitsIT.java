package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Header, idle and body timeouts and the connection cap of local.http, over real sockets. */
class ConnectionLimitsIT {
  static final String JSON = "Host: 127.0.0.1\r\nContent-Type: application/json\r\n";
  @TempDir static Path root;
  static RunningHttpSource http;

  @BeforeAll
  static void start() {
    http =
        new RunningHttpSource(
            root,
            Map.of(
                "header_timeout",
                Duration.ofMillis(500),
                "idle_timeout",
                Duration.ofMillis(700),
                "body_timeout",
                Duration.ofMillis(1500),
                "max_connections",
                4L));
  }

  @AfterAll
  static void stop() throws InterruptedException {
    http.close();
  }

  @Test
  void aClientTooSlowWithItsHeadersGets408AndIsDisconnected() throws Exception {
    try (Socket s = http.connect()) {
      s.getOutputStream()
          .write(
              "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                  .getBytes(StandardCharsets.ISO_8859_1));
      long t = System.nanoTime();
      String answer = RunningHttpSource.readAnswer(s.getInputStream());
      long ms = (System.nanoTime() - t) / 1_000_000;
      assertThat(answer)
          .isEqualTo(
              "408 {\"error\":\"request headers not complete within"
                  + " header_timeout (500 ms)\"}");
      assertThat(ms).isBetween(300L, 5000L);
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aBodySentAByteAtATimeGets408AfterTheBodyTimeoutThoughEachByteBeatsTheIdleTimeout()
      throws Exception {
    assertTrickledBodyGets408("Content-Length: 400\r\n\r\n", "{");
  }

  @Test
  void aChunkedBodySentAChunkAtATimeGets408AfterTheBodyTimeout() throws Exception {
    assertTrickledBodyGets408("Transfer-Encoding: chunked\r\n\r\n", "1\r\n \r\n");
  }

  @Test
  void aClientStillSendingAnOversizeBodyReadsThe413NotAReset() throws Exception {
    try (Socket s = http.connect()) {
      var out = s.getOutputStream();
      out.write(
          ("POST /v1/events HTTP/1.1\r\n" + JSON + "Content-Length: 4000000\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread sender =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      out.write(new byte[4_000_000]); // the body the server refuses unread
                    } catch (Exception e) {
                      // the server closed the connection
                    }
                  });
      Thread.sleep(300); // the body is in flight when the server closes
      String answer = RunningHttpSource.readAnswer(s.getInputStream());
      sender.interrupt();
      assertThat(answer)
          .isEqualTo(
              "413 {\"error\":\"request body is larger than max_body_bytes (1048576 bytes)\"}");
    }
  }

  private static void assertTrickledBodyGets408(String head, String piece) throws Exception {
    try (Socket s = http.connect()) {
      var out = s.getOutputStream();
      out.write(("POST /v1/events HTTP/1.1\r\n" + JSON + head).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread trickle =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      while (true) {
                        Thread.sleep(200); // well within idle_timeout (700 ms)
                        out.write(piece.getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                      }
                    } catch (Exception e) {
                      // the server closed the connection, or the test ended
                    }
                  });
      long t = System.nanoTime();
      String answer = RunningHttpSource.readAnswer(s.getInputStream());
      long ms = (System.nanoTime() - t) / 1_000_000;
      trickle.interrupt();
      assertThat(answer)
          .isEqualTo("408 {\"error\":\"request body not complete within body_timeout (1500 ms)\"}");
      assertThat(ms).isBetween(1200L, 8000L);
    }
  }

  @Test
  void aConnectionThatSendsNothingIsClosedAfterTheHeaderTimeout() throws Exception {
    try (Socket s = http.connect()) {
      assertThat(s.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void aKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket s = http.connect()) {
      assertThat(http.send(s, "POST", JSON, HttpSourceIT.A)).startsWith("202 ");
      assertThat(http.send(s, "POST", JSON, HttpSourceIT.A)).startsWith("202 ");
      long t = System.nanoTime();
      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat((System.nanoTime() - t) / 1_000_000).isBetween(400L, 5000L);
    }
  }

  @Test
  void atTheCapTheLongestIdleConnectionMakesRoomForANewOne() throws Exception {
    try (RunningHttpSource capped =
        new RunningHttpSource(
            root.resolve("capped"),
            Map.of("header_timeout", Duration.ofSeconds(60), "max_connections", 4L))) {
      Socket[] idle = new Socket[4];
      for (int i = 0; i < 4; i++) {
        idle[i] = capped.connect();
        awaitConnections(capped, i + 1);
      }
      try (Socket s = capped.connect()) {
        assertThat(capped.send(s, "POST", JSON, HttpSourceIT.A)).startsWith("202 ");
      }
      idle[0].setSoTimeout(5000);
      assertThat(idle[0].getInputStream().read())
          .as("the oldest idle connection was closed")
          .isEqualTo(-1);
      idle[1].setSoTimeout(200);
      assertThatThrownBy(() -> idle[1].getInputStream().read())
          .as("the others stay open")
          .isInstanceOf(SocketTimeoutException.class);
      for (Socket s : idle) {
        s.close();
      }
    }
  }

  @Test
  void atTheCapWithNoConnectionIdleANewOneGets503() throws Exception {
    try (RunningHttpSource capped =
        new RunningHttpSource(
            root.resolve("busy"),
            Map.of("max_connections", 1L, "wait_timeout", Duration.ofSeconds(30)))) {
      try (Socket busy = capped.connect()) {
        String waitPost =
            "POST /v1/events?wait=true HTTP/1.1\r\n"
                + JSON
                + "Content-Length: "
                + HttpSourceIT.A.length()
                + "\r\n\r\n"
                + HttpSourceIT.A;
        busy.getOutputStream().write(waitPost.getBytes(StandardCharsets.UTF_8));
        capped.ctx.next();
        try (Socket refused = capped.connect()) {
          assertThat(RunningHttpSource.readAnswer(refused.getInputStream()))
              .isEqualTo(
                  "503"
                      + " {\"error\":\"too many connections (max_connections = 1); retry later\"}");
        }
      }
    }
  }

  private static void awaitConnections(RunningHttpSource h, int n) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (h.source.connections() != n && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(h.source.connections()).isEqualTo(n);
  }
}
