package io.gordon.benchmarks.local;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop HTTP/1.1 load generator: request {@code i} is due at {@code start + i/rate} and goes
 * out on keep-alive connection {@code i % connections}; its latency counts from when it was due
 * (not when it was sent), so a server that falls behind is charged for the queueing it causes (no
 * coordinated omission). Raw sockets, so the client costs little CPU. Public for bin/bench's
 * resident-memory row ({@code table.RssRow}).
 */
public final class OpenLoopHttp {
  /** Latencies of one run (nanos, sorted) and the requests not answered as expected. */
  public record Result(long[] latencies, int failures, String lastFailure, long lastAnswerNanos) {
    public double percentile(double p) {
      return latencies.length == 0
          ? Double.NaN
          : latencies[Math.min(latencies.length - 1, (int) (latencies.length * p))] / 1e6;
    }
  }

  private OpenLoopHttp() {}

  /** One event per request, {@code n} requests at {@code rate}/s over {@code connections}. */
  public static Result run(
      int port, String query, int expectStatus, int n, int rate, int connections, String prefix)
      throws Exception {
    long[] latencies = new long[n];
    long[] sendDelays = new long[n];
    Arrays.fill(latencies, -1);
    AtomicInteger failures = new AtomicInteger();
    String[] last = {""};
    long start = System.nanoTime() + 50_000_000L;
    long interval = 1_000_000_000L / rate;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      int conn = c;
      threads.add(
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    try (Socket s = new Socket("127.0.0.1", port)) {
                      s.setTcpNoDelay(true);
                      OutputStream out = s.getOutputStream();
                      InputStream in = new BufferedInputStream(s.getInputStream());
                      for (int i = conn; i < n; i += connections) {
                        long due = start + i * interval;
                        for (long w; (w = due - System.nanoTime()) > 0; ) {
                          LockSupport.parkNanos(w);
                        }
                        byte[] body = event(prefix, i).getBytes(StandardCharsets.UTF_8);
                        out.write(
                            ("POST /v1/events"
                                    + query
                                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: "
                                    + body.length
                                    + "\r\n\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                        sendDelays[i] = System.nanoTime() - due;
                        int status = readAnswer(in, last);
                        if (status == expectStatus) {
                          latencies[i] = System.nanoTime() - due;
                        } else {
                          failures.incrementAndGet();
                        }
                      }
                    } catch (IOException e) {
                      failures.incrementAndGet();
                      last[0] = e.toString();
                    }
                  }));
    }
    for (Thread t : threads) {
      t.join();
    }
    long end = System.nanoTime();
    slowLog(prefix, latencies, sendDelays, start, interval);
    long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
    return new Result(ok, n - ok.length, last[0], end);
  }

  /**
   * With {@code -Dgordon.bench.slowlog=<file>}, appends one line per request slower than 10 ms: the
   * prefix, the wall-clock time it was due (epoch microseconds) and its latency (microseconds), to
   * line them up with a JFR recording's GC pauses and fsyncs.
   */
  private static void slowLog(
      String prefix, long[] latencies, long[] sendDelays, long start, long interval)
      throws IOException {
    String file = System.getProperty("gordon.bench.slowlog");
    if (file == null) {
      return;
    }
    long epochMicros = System.currentTimeMillis() * 1000 - (System.nanoTime() - start) / 1000;
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < latencies.length; i++) {
      if (latencies[i] > 10_000_000L) {
        sb.append(prefix)
            .append(' ')
            .append(epochMicros + i * interval / 1000)
            .append(' ')
            .append(latencies[i] / 1000)
            .append(' ')
            .append(prefix)
            .append(i)
            .append(' ')
            .append(sendDelays[i] / 1000)
            .append('\n');
      }
    }
    java.nio.file.Files.writeString(
        java.nio.file.Path.of(file),
        sb,
        java.nio.file.StandardOpenOption.CREATE,
        java.nio.file.StandardOpenOption.APPEND);
  }

  static String event(String prefix, int i) {
    return "{\"id\":\""
        + prefix
        + i
        + "\",\"action\":\"additions\",\"resourceRecords\":"
        + "{\"name\":\""
        + prefix
        + i
        + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\"10."
        + (i >> 16 & 255)
        + "."
        + (i >> 8 & 255)
        + "."
        + (i & 255)
        + "\"]}}";
  }

  /** Reads one answer; returns its status. */
  private static int readAnswer(InputStream in, String[] last) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (c == '\n' && head.length() >= 4 && head.charAt(head.length() - 3) == '\n') {
        break;
      }
    }
    if (c < 0) {
      throw new IOException("server closed the connection");
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    int status = Integer.parseInt(head.substring(9, 12));
    if (status >= 300) {
      last[0] = status + " " + new String(body, StandardCharsets.UTF_8).strip();
    }
    return status;
  }
}
