package io.gordon.benchmarks.rfc2136;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A client posting events to {@code local.http} with {@code ?wait=true}. */
final class HttpRun {
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final URI uri;
  private final String zone;
  private final java.util.concurrent.atomic.AtomicInteger failures =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile String lastFailure = "";

  HttpRun(String eventsUrl, String zone) {
    this.uri = URI.create(eventsUrl + "?wait=true");
    this.zone = zone;
  }

  static String line(String prefix, int i, String zone) {
    return "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\""
        + Workload.name(prefix, i, zone)
        + "\",\"type\":\"A\",\"ttl\":300,\"rrdatas\":[\""
        + Workload.address(i)
        + "\"]}}";
  }

  private HttpRequest request(String body) {
    return HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-ndjson")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /**
   * Posts {@code n} events as JSON lines, {@code perRequest} per request, from {@code clients}
   * concurrent producers, each waiting for its events to be applied; returns elapsed nanos.
   */
  long burst(String prefix, int n, int perRequest, int clients) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int from = 0; from < n; from += perRequest) {
      StringBuilder b = new StringBuilder();
      for (int i = from; i < Math.min(n, from + perRequest); i++) {
        b.append(line(prefix, i, zone)).append('\n');
      }
      bodies.add(b.toString());
    }
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
      List<Future<?>> sent = new ArrayList<>();
      for (String body : bodies) {
        sent.add(
            pool.submit(
                () -> expectOk(client.send(request(body), HttpResponse.BodyHandlers.ofString()))));
      }
      for (Future<?> f : sent) {
        f.get();
      }
    }
    return System.nanoTime() - start;
  }

  /**
   * Posts one event per request at {@code perSecond} for {@code n} events. Returns the sorted
   * latencies (request sent to "applied" answer) in nanos of the requests that succeeded; {@link
   * #failures()} counts the others (refused connections, timeouts, non-200 answers).
   */
  long[] steady(String prefix, int n, int perSecond) throws Exception {
    long[] latencies = new long[n];
    java.util.Arrays.fill(latencies, Long.MAX_VALUE);
    List<CompletableFuture<Void>> all = new ArrayList<>(n);
    long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long due = start + i * interval;
      long wait;
      while ((wait = due - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      int k = i;
      long sentAt = System.nanoTime();
      all.add(
          client
              .sendAsync(request(line(prefix, i, zone)), HttpResponse.BodyHandlers.ofString())
              .handle(
                  (r, e) -> {
                    if (e == null && r.statusCode() == 200) {
                      latencies[k] = System.nanoTime() - sentAt;
                    } else {
                      failures.incrementAndGet();
                      lastFailure = e != null ? e.toString() : r.statusCode() + " " + r.body();
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    Arrays.sort(latencies);
    return Arrays.copyOf(latencies, n - failures.get());
  }

  /** Requests of the last {@link #steady} run that failed. */
  int failures() {
    return failures.get();
  }

  /** What the last failed request saw. */
  String lastFailure() {
    return lastFailure;
  }

  private static Void expectOk(HttpResponse<String> r) {
    if (r.statusCode() != 200) {
      throw new IllegalStateException("POST answered " + r.statusCode() + ": " + r.body());
    }
    return null;
  }
}
