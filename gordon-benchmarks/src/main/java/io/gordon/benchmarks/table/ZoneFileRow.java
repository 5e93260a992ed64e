package io.gordon.benchmarks.table;

import io.gordon.benchmarks.local.ZoneFileBenchmark;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code zonefile}: {@code ZoneFileBenchmark}, 1,000 batches of 1,000 changes (sustained: long
 * enough that the file's rewrites, which the journal spreads out, are paid in the figure; with 300,
 * about a second per size, a 100k run held a handful of 4 MB rewrites, one more or less moving its
 * CPU per batch by a tenth, and the row's ratio swung 1.10-1.33 between identical runs:
 * docs/benchmarks.md, "Step 9") into a 100k-record zone against the same on a 1k-record zone, same
 * run: the ratio shows whether a batch's cost depends on the zone's size, in events/s and in the
 * process's CPU per batch. Each zone size runs in a fresh JVM of its own (the same class path and
 * JVM defaults, the same warm-up): in one JVM, or in the table's JVM after other rows, the second
 * size inherited the first's compiled code and its heap (a 100k-record zone leaves ~150 MB that the
 * next row's young collections work around), and which ran first moved the ratio by 2x
 * (docs/benchmarks.md, "local.zonefile", "A fresh JVM per zone size"). Both JVMs run with the
 * launcher's flags ({@link LauncherFlags}: serial collector, 8 MB young generation, C1 only), what
 * a user's {@code bin/gordon} runs, as the local.http rows measure what users get; with the JVM's
 * defaults the C2 compiler was still compiling (30-50 ms of JIT per batch) after 30 s of warm-up on
 * a busy machine, and G1's concurrent threads made the row swing 3x between identical runs
 * (docs/benchmarks.md, "Step 8").
 */
final class ZoneFileRow {
  private ZoneFileRow() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int big = s.pick(100_000, 10_000);
    int batches = s.pick(1000, 5);
    List<String> flags = LauncherFlags.of(root);
    String[] small = figures(run(flags, 1000, batches), 1000);
    String[] large = figures(run(flags, big, batches), big);
    String path =
        String.format(
            "local.zonefile, %,d-record zone, batches of 1,000, launcher's JVM flags", big);
    return List.of(
        Line.of(
            path,
            Captured.number(large[3]),
            Captured.number(small[3]),
            "1,000-record zone",
            "events/s",
            new Goal(
                ">= 5,000 events/s; ratio >= 0.8 (size-independent)",
                (g, a) -> g >= 5000 && g / a >= 0.8)),
        // The process's CPU per batch (all threads): what the machine's other load moves least.
        Line.of(
            path + ": CPU ms per batch, all threads",
            Captured.number(large[6]),
            Captured.number(small[6]),
            "1,000-record zone",
            "ms",
            new Goal("ratio <= 1.25 (size-independent)", (g, a) -> g / a <= 1.25)));
  }

  /** The columns of the line whose zone size is {@code size} (printed as "100,000"). */
  private static String[] figures(String out, int size) {
    return Captured.line(out, String.format("%,d ", size)).trim().split("\\s+");
  }

  private static String run(List<String> flags, int size, int batches) throws Exception {
    return FreshJvm.run(
        flags, ZoneFileBenchmark.class, String.valueOf(size), "1000", String.valueOf(batches));
  }
}
