package io.gordon.benchmarks.table;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code rss}: resident memory of a real {@code bin/gordon run} (embedded default, launcher
 * defaults) fed one event per HTTP request at 1,000 events/s: the peak (VmHWM) over warm-up and
 * steady load, against the same process's VmRSS when idle just after start.
 */
final class RssRow {
  private RssRow() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int rate = 1000;
    try (GordonProcess p = GordonProcess.start(root)) {
      Thread.sleep(1000);
      double idle = p.statusMb("VmRSS");
      int seconds = s.pick(40, 5);
      int[] answers = post(p.httpPort, rate, seconds);
      double steady = p.statusMb("VmRSS");
      double peak = p.statusMb("VmHWM");
      String note = answers[1] > 0 ? " (" + answers[1] + " of " + answers[0] + " requests"
          + " FAILED)" : "";
      return List.of(
          Line.of(String.format("resident memory (VmHWM), bin/gordon run, %,d events/s for"
              + " %d s, 1 event/request%s", rate, seconds, note), peak, idle,
              "VmRSS idle after start", "MB", Goal.atMost(256, "<= 256 MB")),
          Line.of("resident memory (VmRSS) at the end of that load", steady, idle,
              "VmRSS idle after start", "MB", Goal.atMost(256, "<= 256 MB")));
    }
  }

  /** Open loop, one event per request; returns {sent, not answered 202}. */
  private static int[] post(int port, int rate, int seconds) throws Exception {
    AtomicInteger failed = new AtomicInteger();
    int n = rate * seconds;
    URI uri = URI.create("http://127.0.0.1:" + port + "/v1/events");
    try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .build()) {
      long start = System.nanoTime();
      long gap = 1_000_000_000L / rate;
      var pending = new java.util.ArrayList<java.util.concurrent.CompletableFuture<?>>(n);
      for (int i = 0; i < n; i++) {
        for (long w; (w = start + i * gap - System.nanoTime()) > 0; ) {
          LockSupport.parkNanos(w);
        }
        HttpRequest r = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(event(i))).build();
        pending.add(client.sendAsync(r, HttpResponse.BodyHandlers.discarding())
            .whenComplete((res, e) -> {
              if (e != null || res.statusCode() != 202) {
                failed.incrementAndGet();
              }
            }));
      }
      for (var f : pending) {
        try {
          f.join();
        } catch (RuntimeException e) {
          // counted in failed
        }
      }
    }
    return new int[] {n, failed.get()};
  }

  private static String event(int i) {
    return "{\"id\":\"rss" + i + "\",\"action\":\"additions\",\"resourceRecords\":{\"name\":"
        + "\"rss" + i + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\"10." + (i >> 16 & 255)
        + "." + (i >> 8 & 255) + "." + (i & 255) + "\"]}}";
  }
}
