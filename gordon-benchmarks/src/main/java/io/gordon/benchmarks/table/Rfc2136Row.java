package io.gordon.benchmarks.table;

import io.gordon.benchmarks.rfc2136.Rfc2136Benchmark;
import java.util.List;

/**
 * {@code rfc2136}: {@link Rfc2136Benchmark#endToEnd} against real BIND: the whole service
 * (local.http -> router -> rfc2136, ownership markers on) against nsupdate sending 500 adds per
 * UPDATE, alternating in the same run after a warm-up, medians compared.
 */
final class Rfc2136Row {
  private Rfc2136Row() {}

  static List<Line> run(Sizes s) throws Exception {
    int n = s.pick(20_000, 2_000);
    Rfc2136Benchmark.Comparison c = Rfc2136Benchmark.endToEnd(n, s.pick(3, 1));
    return List.of(
        Line.of(
            String.format("rfc2136 end to end, local.http -> BIND, %,d records", n),
            c.gordonEventsPerSecond(),
            c.nsupdateRecordsPerSecond(),
            "nsupdate, 500 adds/message",
            "records/s",
            Goal.ratioAtLeast(0.8, "ratio >= 0.8")));
  }
}
