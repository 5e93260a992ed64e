package io.gordon.benchmarks.table;

import io.gordon.benchmarks.rfc2136.Rfc2136Benchmark;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code rfc2136}: {@link Rfc2136Benchmark#endToEnd} against real BIND: the whole service
 * (local.http -> router -> rfc2136, ownership markers on) against nsupdate sending 500 adds per
 * UPDATE, alternating in the same run after a warm-up, medians compared. It runs in a fresh JVM
 * with the launcher's flags ({@link LauncherFlags}: serial collector, C1 only), what a user's
 * {@code bin/gordon} runs: in the table's JVM with the JVM's defaults the C2 compiler still used as
 * much CPU as gordon itself in the timed rounds (20-90 us per record), on the two cores BIND needs
 * (docs/benchmarks.md, "gordon's CPU per event, sixth pass").
 */
final class Rfc2136Row {
  private Rfc2136Row() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int n = s.pick(20_000, 2_000);
    String out =
        FreshJvm.run(
            LauncherFlags.of(root),
            Rfc2136Benchmark.class,
            "e2e",
            String.valueOf(n),
            String.valueOf(s.pick(3, 1)));
    double gordon = Captured.number(figure(out, "gordon "));
    return List.of(
        Line.of(
            String.format(
                "rfc2136 end to end, local.http -> BIND, %,d records, launcher's JVM flags", n),
            gordon,
            Captured.number(figure(out, "nsupdate ")),
            "nsupdate, 500 adds/message",
            "records/s",
            Goal.ratioAtLeast(0.8, "ratio >= 0.8")),
        Line.of(
            String.format(
                "rfc2136 end to end, the same run against nsupdate sending gordon's message shape"
                    + " (prerequisites, record, owner marker), %,d records",
                n),
            gordon,
            Captured.number(figure(out, "nsupdate same shape ")),
            "nsupdate, same shape, " + Rfc2136Benchmark.CLAIMED_PER_MESSAGE + "/message",
            "records/s",
            Goal.none("what the safety costs")));
  }

  /** The number after {@code label} in the benchmark's result line ("gordon 9,901 events/s"). */
  static String figure(String out, String label) {
    return Captured.after(out, "rfc2136 end to end: ", label);
  }
}
