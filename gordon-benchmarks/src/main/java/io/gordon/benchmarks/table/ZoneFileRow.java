package io.gordon.benchmarks.table;

import io.gordon.benchmarks.local.ZoneFileBenchmark;
import java.util.List;

/**
 * {@code zonefile}: {@code ZoneFileBenchmark}, 300 batches of 1,000 changes (sustained: long enough
 * that the file's rewrites, which the journal spreads out, are paid in the figure) into a
 * 100k-record zone against the same on a 1k-record zone, same run: the ratio shows whether a
 * batch's cost depends on the zone's size.
 */
final class ZoneFileRow {
  private ZoneFileRow() {}

  static List<Line> run(Sizes s) throws Exception {
    int big = s.pick(100_000, 10_000);
    String out =
        Captured.stdout(
            () ->
                ZoneFileBenchmark.main(
                    new String[] {"1000," + big, "1000", String.valueOf(s.pick(300, 5))}));
    double small = eventsPerSecond(out, 1000);
    double large = eventsPerSecond(out, big);
    return List.of(
        Line.of(
            String.format("local.zonefile, %,d-record zone, batches of 1,000", big),
            large,
            small,
            "1,000-record zone",
            "events/s",
            new Goal(
                ">= 5,000 events/s; ratio >= 0.8 (size-independent)",
                (g, a) -> g >= 5000 && g / a >= 0.8)));
  }

  /** Events/s of the row whose zone size is {@code size} (printed as "100,000"). */
  private static double eventsPerSecond(String out, int size) {
    String[] f = Captured.line(out, String.format("%,d ", size)).trim().split("\\s+");
    return Captured.number(f[3]);
  }
}
