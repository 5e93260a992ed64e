package io.gordon.benchmarks.rfc2136;

import io.gordon.benchmarks.local.InProcessService;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Line (e) without the provider: the same requests (500 events as JSON lines, {@code ?wait=true}, 4
 * producers) through {@code local.http}, its spool and the router, routed {@code consume ->
 * cleanup} (local.zonefile is loaded, as a route needs a provider or handler, and never called). So
 * it measures gordon's CPU and allocation per event outside the provider, with no BIND beside it
 * taking the cores: JVM CPU per event (from {@code /proc}, this benchmark's HTTP client included),
 * bytes allocated per event (all threads) and young collections, per round.
 *
 * <p>Command: {@code Rfc2136Benchmark path [events per round] [rounds]} (defaults 40000 8; the
 * first rounds warm the JIT up, compare the later ones).
 */
final class ServicePath {
  private ServicePath() {}

  static void run(int events, int rounds) throws Exception {
    int port = InProcessService.freePort();
    Function<Path, String> toml =
        root ->
            """
        [core]
        plugins = ["local.http", "local.zonefile"]
        max_msg_age = "0s"
        [core.route]
        consume = "cleanup"
        [core.dead_letter]
        path = "%s"
        [core.admin]
        enabled = false
        [core.logging]
        level = "warn"
        [local.http]
        listen = "127.0.0.1:%d"
        directory = "%s"
        [local.zonefile]
        directory = "%s"
        zones = ["example.test."]
        """
                .formatted(
                    root.resolve("dead-letters.jsonl"),
                    port,
                    root.resolve("spool"),
                    root.resolve("zones"));
    InProcessService service = InProcessService.start("gordon-bench-path-", toml);
    try {
      HttpRun run = new HttpRun("http://127.0.0.1:" + port + "/v1/events", "example.test.");
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      for (int r = 0; r < rounds; r++) {
        double cpu0 = Cpu.self();
        java.util.Map<String, Double> threads0 = Cpu.threads();
        long bytes0 = threads.getTotalThreadAllocatedBytes();
        long gc0 = collections();
        long nanos = run.burst("p" + r, events, 500, 4);
        double cpu = Cpu.self() - cpu0;
        long bytes = threads.getTotalThreadAllocatedBytes() - bytes0;
        System.out.printf(
            "path round %d: %,d events in %.2f s (%,.0f/s): JVM CPU %.1f us/event, %,d bytes"
                + " allocated/event, %d collections (load %.1f)%n",
            r + 1,
            events,
            nanos / 1e9,
            events / (nanos / 1e9),
            cpu * 1e6 / events,
            bytes / events,
            collections() - gc0,
            LoadAverage.now());
        java.util.Map<String, Double> by = Cpu.threads();
        threads0.forEach((k, v) -> by.merge(k, -v, Double::sum));
        System.out.printf(
            "path round %d: by thread, us/event: %s (ended %s)%n",
            r + 1, Cpu.shares(by, events), java.time.Instant.now());
        if (System.getenv("GORDON_BENCH_THREAD_CPU") != null) {
          Cpu.printThreads(threads0, Cpu.threads());
        }
      }
    } finally {
      service.close();
    }
  }

  private static long collections() {
    long n = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, b.getCollectionCount());
    }
    return n;
  }
}
