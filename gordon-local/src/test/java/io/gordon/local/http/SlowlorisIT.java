package io.gordon.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.gordon.api.plugin.Outcome;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: 2,000 connections that send half a request head and then nothing are held open while a
 * client posts valid events over a kept-alive connection; every post must succeed, quickly. Prints
 * the p99 (a fault test with a generous bound, not a benchmark).
 */
class SlowlorisIT {
  static final int IDLE = 2_000;
  static final int POSTS = 500;
  @TempDir Path root;

  @Test
  void validPostsSucceedQuicklyWhile2000SlowConnectionsAreOpen() throws Exception {
    try (RunningHttpSource http =
        new RunningHttpSource(root, Map.of("header_timeout", java.time.Duration.ofMinutes(2)))) {
      Thread settler = Thread.ofVirtual().start(() -> settleAll(http));
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < IDLE; i++) {
          Socket s = http.connect();
          s.getOutputStream()
              .write(
                  "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow:"
                      .getBytes(StandardCharsets.ISO_8859_1));
          slow.add(s);
        }
        System.out.printf("SlowlorisIT: %d slow connections open%n", slow.size());
        long[] latencies = new long[POSTS];
        try (Socket s = http.connect()) {
          for (int i = 0; i < POSTS; i++) {
            long t = System.nanoTime();
            String answer =
                http.send(
                    s,
                    "POST",
                    "Host: 127.0.0.1\r\nContent-Type:" + " application/json\r\n",
                    SlowlorisIT.event(i));
            latencies[i] = System.nanoTime() - t;
            assertThat(answer).as("post " + i).startsWith("202 ");
          }
        }
        assertThat(http.source.connections())
            .as("slow connections still open")
            .isGreaterThanOrEqualTo(IDLE);
        Arrays.sort(latencies);
        double p50 = latencies[POSTS / 2] / 1e6;
        double p99 = latencies[POSTS * 99 / 100] / 1e6;
        System.out.printf(
            "SlowlorisIT: %d posts with %d slow connections open: p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms%n",
            POSTS, IDLE, p50, p99, latencies[POSTS - 1] / 1e6);
        assertThat(p99)
            .as("p99 in ms (generous bound: a fault test, not a benchmark)")
            .isLessThan(1000);
      } finally {
        for (Socket s : slow) {
          closeQuietly(s);
        }
        settler.interrupt();
      }
    }
  }

  static String event(int i) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"h"
        + i
        + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2."
        + (i % 250 + 1)
        + "\"]}}";
  }

  private static void settleAll(RunningHttpSource http) {
    try {
      while (true) {
        http.ctx.items.take().settle(new Outcome.Applied());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
