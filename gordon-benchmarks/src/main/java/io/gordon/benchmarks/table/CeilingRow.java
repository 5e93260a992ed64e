package io.gordon.benchmarks.table;

import io.gordon.benchmarks.rfc2136.Rfc2136Benchmark;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rfc2136-ceiling}: what BIND allows for gordon's message shapes, BIND fed for free (the
 * {@code ceiling} mode of {@link Rfc2136Benchmark}): the provider's own messages for new names,
 * recorded, signed again before the clock starts and replayed with 1, 2, 4 and 8 in flight, beside
 * nsupdate's 500 plain adds per UPDATE in the same run (issue 11's anchor); the same client sending
 * nsupdate's plain adds shows its own cost. No goal: the figure bounds what gordon's rfc2136 row
 * can reach on this machine (docs/benchmarks.md, "BIND's ceiling for the claimed shape").
 */
final class CeilingRow {
  private static final String RESULT = "rfc2136 ceiling: ";

  private CeilingRow() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int n = s.pick(20_000, 2_000);
    int rounds = s.pick(3, 1);
    String out =
        FreshJvm.run(
            LauncherFlags.of(root),
            Rfc2136Benchmark.class,
            "ceiling",
            String.valueOf(n),
            String.valueOf(rounds),
            "1,2,4,8");
    double nsupdate = Captured.number(Captured.after(out, RESULT, "nsupdate "));
    String what = String.format(", pre-rendered, %,d records, median of %d", n, rounds);
    return List.of(
        line(out, "claimed ", "gordon's claimed shape (the default)" + what, nsupdate),
        line(out, "ownership off ", "gordon's ownership-off shape" + what, nsupdate),
        line(
            out,
            "plain ",
            "nsupdate's plain adds, 500/UPDATE (the client's cost)" + what,
            nsupdate));
  }

  private static Line line(String out, String label, String shape, double nsupdate) {
    Figure f = figure(out, label);
    return Line.of(
        String.format("rfc2136 ceiling: BIND alone with %s, %d in flight", shape, f.inFlight()),
        f.perSecond(),
        nsupdate,
        "nsupdate, 500 adds/message",
        "records/s",
        Goal.none("what BIND allows"));
  }

  /**
   * One shape's figure in the result line: "claimed 29,438 records/s at 1 in flight".
   *
   * @param perSecond records/s
   * @param inFlight UPDATE messages in flight
   */
  record Figure(double perSecond, int inFlight) {}

  /** The figure after {@code label} in the benchmark's result line. */
  static Figure figure(String out, String label) {
    String line = Captured.line(out, RESULT);
    Matcher m =
        Pattern.compile(Pattern.quote(label) + "([0-9,.]+) records/s at (\\d+) in flight")
            .matcher(line);
    if (!m.find()) {
      throw new IllegalStateException("no \"" + label + "N records/s at N in flight\" in: " + line);
    }
    return new Figure(Captured.number(m.group(1)), Integer.parseInt(m.group(2)));
  }
}
