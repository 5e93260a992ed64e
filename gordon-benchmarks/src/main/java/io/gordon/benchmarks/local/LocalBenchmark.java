package io.gordon.benchmarks.local;

import io.gordon.api.model.Change;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.Delivery;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.Outcome;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.SourceContext;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Throughput of the embedded default's parts, printed as a table: event decoding, zone-file writes
 * (one change per call vs. batches), and local.http's durable accept (fsync per request). Run from
 * the repository root after {@code mvn -o -q -DskipTests package -pl gordon-benchmarks -am}: {@code
 * java -cp gordon-benchmarks/target/classes:gordon-api/target/classes:
 * gordon-core/target/classes:gordon-local/target/classes:<jackson jars>
 * io.gordon.benchmarks.local.LocalBenchmark}. Numbers depend heavily on the disk's fsync time.
 */
public final class LocalBenchmark {
  private LocalBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("gordon-bench");
    System.out.printf("%-52s %14s %s%n", "benchmark", "ops/s", "notes");
    decode();
    zoneFile(dir.resolve("z1"), 1, 500);
    zoneFile(dir.resolve("z2"), 100, 5000);
    for (int clients : new int[] {1, 8, 32}) {
      http(dir.resolve("h" + clients), clients);
    }
  }

  private static void decode() {
    String json =
        "{\"id\":\"e-1\",\"action\":\"additions\",\"timestamp\":\"2026-01-01T00:00:00Z\","
            + "\"resourceRecords\":[{\"name\":\"www.example.com.\",\"type\":\"A\",\"ttl\":300,"
            + "\"rrdatas\":[\"192.0.2.1\",\"192.0.2.2\"]}]}";
    for (int i = 0; i < 50_000; i++) {
      BenchContext.CODEC.decode(json);
    }
    int n = 300_000;
    long t = System.nanoTime();
    for (int i = 0; i < n; i++) {
      BenchContext.CODEC.decode(json);
    }
    row("JsonEventCodec.decode (1 record set, 2 rdata)", n, System.nanoTime() - t, "");
  }

  private static void zoneFile(Path root, int batch, int total) throws Exception {
    DnsProvider p =
        (DnsProvider)
            factory("local.zonefile")
                .create(
                    BenchContext.of(
                        "local.zonefile",
                        factory("local.zonefile").configSpec(),
                        Map.of("zones", List.of("example.com.")),
                        root));
    p.start();
    long t = System.nanoTime();
    for (int i = 0; i < total; i += batch) {
      List<Change> changes = new ArrayList<>();
      for (int j = i; j < i + batch; j++) {
        changes.add(
            new Change.Replace(
                RecordSet.of(
                    "h" + j + ".example.com.",
                    RecordType.A,
                    300,
                    "10.0." + (j / 250) + "." + (j % 250 + 1))));
      }
      p.apply(changes);
    }
    row(
        "local.zonefile apply, " + batch + " change(s) per call",
        total,
        System.nanoTime() - t,
        "zone grows to " + total + " records; one fsync'd rewrite per call");
  }

  private static void http(Path root, int clients) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PluginFactory f = factory("local.http");
    EventSource src =
        (EventSource)
            f.create(
                BenchContext.of(
                    "local.http", f.configSpec(), Map.of("listen", "127.0.0.1:" + port), root));
    src.start();
    Thread runner =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    src.run(new Settling());
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                });
    HttpClient client = HttpClient.newHttpClient();
    AtomicLong done = new AtomicLong();
    long[][] latencies = new long[clients][];
    long end = System.nanoTime() + 5_000_000_000L;
    long t = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int id = c;
      threads.add(
          Thread.ofPlatform().start(() -> latencies[id] = post(client, port, id, end, done)));
    }
    for (Thread th : threads) {
      th.join();
    }
    long elapsed = System.nanoTime() - t;
    long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
    row(
        "local.http POST (1 event, fsync before 202), " + clients + " client(s)",
        done.get(),
        elapsed,
        String.format(
            "p50 %.2f ms, p99 %.2f ms",
            all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6));
    src.stop();
    src.shutdown();
    runner.join(5000);
  }

  private static long[] post(HttpClient client, int port, int c, long end, AtomicLong done) {
    List<Long> lat = new ArrayList<>();
    for (int n = 0; System.nanoTime() < end; n++) {
      String body =
          "{\"action\":\"additions\",\"resourceRecords\":{\"name\":\"c"
              + c
              + "n"
              + n
              + ".example.com.\",\"type\":\"A\",\"rrdatas\":[\"192.0.2.1\"]}}";
      long t = System.nanoTime();
      try {
        HttpResponse<String> r =
            client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) {
          throw new IllegalStateException(r.body());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      lat.add(System.nanoTime() - t);
      done.incrementAndGet();
    }
    return lat.stream().mapToLong(Long::longValue).toArray();
  }

  /** Settles every message at once, as if the pipeline were free. */
  private static final class Settling implements SourceContext {
    @Override
    public void submit(EventMessage message, Delivery delivery) {
      delivery.settle(message.id(), new Outcome.Applied(), List.of());
    }

    @Override
    public void reject(
        String id,
        String payload,
        String reason,
        Map<String, String> attributes,
        Delivery delivery) {
      delivery.settle(id, new Outcome.DeadLettered(reason), List.of());
    }

    @Override
    public boolean stopping() {
      return false;
    }
  }

  private static PluginFactory factory(String name) {
    return ServiceLoader.load(PluginFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static void row(String name, long ops, long nanos, String notes) {
    System.out.printf("%-52s %14.0f %s%n", name, ops / (nanos / 1e9), notes);
  }
}
