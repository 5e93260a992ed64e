package io.gordon.benchmarks.local;

import com.sun.management.OperatingSystemMXBean;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.PluginFactory;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Sustained throughput of {@code local.zonefile} by zone size (issue 11: a 100k-record zone at >=
 * 5,000 events/s, cost per batch independent of zone size). For each zone size the zone file is
 * written beforehand (as a person or an earlier run would leave it), the provider starts on it, and
 * then applies batches of changes (a mix of new names, replacements and deletions, as the router
 * hands them over) for a fixed number of batches; every batch is durable when its call returns (in
 * the zone file, rewritten atomically, or in the zone's journal when a rewrite is not due: see
 * docs/operations.md). The time of the shutdown's final rewrite is not counted: under sustained
 * load the file lags by that much at any moment. Prints one row per zone size and batch size, with
 * the process's CPU time per batch beside the wall times.
 *
 * <p>Command: {@code gordon-benchmarks/zonefile-benchmark.sh [sizes] [batch sizes] [batches]},
 * defaults {@code 1000,10000,100000 100,1000 30}.
 */
public final class ZoneFileBenchmark {
  private ZoneFileBenchmark() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = ints(args.length > 0 ? args[0] : "1000,10000,100000");
    int[] batchSizes = ints(args.length > 1 ? args[1] : "100,1000");
    int batches = args.length > 2 ? Integer.parseInt(args[2]) : 30;
    Path dir = Files.createTempDirectory("gordon-zonefile-bench");
    System.out.printf(
        "%-12s %8s %10s %14s %14s %14s %14s %14s %14s %14s %14s%n",
        "zone size",
        "batch",
        "batches",
        "events/s",
        "ms/batch p50",
        "ms/batch max",
        "CPU ms/batch",
        "GC ms/batch",
        "own CPU ms",
        "JIT ms/batch",
        "VM thread CPU");
    for (int size : sizes) {
      for (int batch : batchSizes) {
        run(dir.resolve(size + "-" + batch), size, batch, batches);
      }
    }
  }

  private static void run(Path root, int size, int batch, int batches) throws Exception {
    Path zones = root.resolve("zones");
    Files.createDirectories(zones);
    prepopulate(zones.resolve("example.com.zone"), size);
    PluginFactory f = factory();
    DnsProvider p =
        (DnsProvider)
            f.create(
                BenchContext.of(
                    "local.zonefile",
                    f.configSpec(),
                    Map.of("zones", List.of("example.com."), "directory", zones.toString()),
                    root));
    p.start();
    int next = 0;
    // Warm up for 20 batches and at least 2 s (with 5, the first row of a run was still being
    // compiled and came out at half the speed of the same row run second), and then until the JIT
    // is done: a second of batches in which it compiled for under 20 ms, at most 30 s in all. With
    // the 2 s alone the JIT's threads still took 8-23 ms per batch of the measured CPU (at load
    // 8-11), more than the batch's own thread, and the 100k zone's start-up parse had warmed up
    // more of the code than the 1k zone's.
    long warm = System.nanoTime();
    long window = warm;
    long compiled = compileMillis();
    for (int w = 0; ; w++) {
      check(p.apply(changes(size, batch, next)));
      next += batch;
      long now = System.nanoTime();
      if (w < 20 || now - warm < 2_000_000_000L || now - window < 1_000_000_000L) {
        continue;
      }
      if (compileMillis() - compiled < 20 || now - warm > 30_000_000_000L) {
        break;
      }
      window = now;
      compiled = compileMillis();
    }
    long[] times = new long[batches];
    long cpu0 = processCpuNanos();
    long gc0 = gcMillis();
    long own0 = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    long jit0 = compileMillis();
    long vm0 = vmThreadCpuNanos();
    long t0 = System.nanoTime();
    for (int b = 0; b < batches; b++) {
      List<Change> cs = changes(size, batch, next);
      next += batch;
      long t = System.nanoTime();
      check(p.apply(cs));
      times[b] = System.nanoTime() - t;
    }
    long total = System.nanoTime() - t0;
    long cpu = processCpuNanos() - cpu0;
    long gc = gcMillis() - gc0;
    long own = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - own0;
    long jit = compileMillis() - jit0;
    long vm = vmThreadCpuNanos() - vm0;
    p.shutdown();
    java.util.Arrays.sort(times);
    System.out.printf(
        "%-12s %8d %10d %14.0f %14.1f %14.1f %14.2f %14.1f %14.1f %14.1f %14.2f%n",
        String.format("%,d", size),
        batch,
        batches,
        (double) batch * batches / (total / 1e9),
        times[batches / 2] / 1e6,
        times[batches - 1] / 1e6,
        cpu / 1e6 / batches,
        (double) gc / batches,
        own / 1e6 / batches,
        (double) jit / batches,
        vm < 0 ? Double.NaN : vm / 1e6 / batches);
  }

  /**
   * The CPU time of the JVM's "VM Thread" so far (nanoseconds, from Linux's schedstat; -1 where
   * that cannot be read): the serial collector's pauses run on it, so per batch it is the
   * collector's CPU, which the machine's load moves far less than the pauses' wall time (the "GC
   * ms/batch" column, which counts a pause's time descheduled).
   */
  private static long vmThreadCpuNanos() {
    try (var tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path t : (Iterable<Path>) tasks::iterator) {
        if (Files.readString(t.resolve("comm")).strip().equals("VM Thread")) {
          return Long.parseLong(Files.readString(t.resolve("schedstat")).split(" ")[0]);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  /** The JIT compilers' time so far (wall milliseconds). */
  private static long compileMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  /**
   * The collectors' time so far (wall milliseconds, pauses and, for a concurrent collector, its
   * cycles): per batch, the part of a batch's cost that the zone's size moves through the heap.
   */
  private static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream()
        .mapToLong(b -> Math.max(0, b.getCollectionTime()))
        .sum();
  }

  /**
   * The CPU time of the whole process (every thread: the batches', the collector's, the JIT's): per
   * batch, a figure that the machine's other load hardly moves, unlike the wall time.
   */
  private static long processCpuNanos() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** A zone of {@code size} A records h0..h(size-1), in the form gordon writes. */
  private static void prepopulate(Path file, int size) throws Exception {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("$ORIGIN example.com.\n$TTL 300\n");
      w.write(
          "example.com. 3600 IN SOA ns1.example.com. hostmaster.example.com. 1 3600 600"
              + " 604800 300\n");
      w.write("example.com. 3600 IN NS ns1.example.com.\n");
      w.write("ns1.example.com. 300 IN A 127.0.0.1\n");
      for (int i = 0; i < size; i++) {
        w.write("h" + i + ".example.com. 300 IN A " + address(i) + "\n");
      }
    }
  }

  /**
   * Changes number {@code from}..{@code from+n-1}: every 4th adds a new name, every 4th (+1)
   * deletes the name added one batch earlier ({@code n} changes before), the others replace an
   * existing name's address. So the zone keeps its size (plus the last batch's new names) however
   * many batches run: the rows compare a large zone with a small one throughout, not two zones that
   * grow by a quarter of every batch (until 2026-11-30 18:30 a deletion took one of the original
   * names, and the "1,000-record" zone ended a 300-batch run at about 76,000 records).
   */
  private static List<Change> changes(int size, int n, int from) {
    List<Change> out = new ArrayList<>(n);
    for (int i = from; i < from + n; i++) {
      String existing = "h" + Math.floorMod(i * 7919L, size) + ".example.com.";
      out.add(
          switch (i % 4) {
            case 0 ->
                new Change.Replace(
                    RecordSet.of("n" + i + ".example.com.", RecordType.A, 300, address(i)));
            case 1 ->
                new Change.Remove(
                    RecordSet.of("n" + (i - 1 - n) + ".example.com.", RecordType.A, List.of()));
            default ->
                new Change.Replace(RecordSet.of(existing, RecordType.A, 300, address(i + 1)));
          });
    }
    return out;
  }

  private static void check(List<ChangeResult> results) {
    for (ChangeResult r : results) {
      if (r instanceof ChangeResult.Failed f) {
        throw new IllegalStateException("change failed: " + f.error().getMessage(), f.error());
      }
    }
  }

  private static String address(long i) {
    return "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255);
  }

  private static int[] ints(String csv) {
    return java.util.Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static PluginFactory factory() {
    return ServiceLoader.load(PluginFactory.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(f -> f.name().equals("local.zonefile"))
        .findFirst()
        .orElseThrow();
  }
}
