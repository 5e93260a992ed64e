package io.gordon.benchmarks.table;

import io.gordon.benchmarks.rfc2136.Rfc2136Benchmark;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rfc2136}: {@code Rfc2136Benchmark} against real BIND, read from its printed table:
 * (e) the whole service (local.http -> router -> rfc2136) against (a) nsupdate sending 500 adds
 * per UPDATE, same run.
 */
final class Rfc2136Row {
  private Rfc2136Row() {}

  static List<Line> run(Sizes s) throws Exception {
    int n = s.pick(20_000, 2_000);
    String out = Captured.stdout(() -> Rfc2136Benchmark.main(new String[] {
        String.valueOf(n), String.valueOf(s.pick(1000, 200)), String.valueOf(s.pick(3, 1)),
        "1"}));
    return List.of(Line.of(String.format("rfc2136 end to end, local.http -> BIND, %,d records",
        n), rate(out, "e"), rate(out, "a"), "nsupdate, 500 adds/message", "records/s",
        Goal.ratioAtLeast(0.8, "ratio >= 0.8")));
  }

  /** Records/s of client {@code (id)}: the first number followed by 3 spaces on its line. */
  private static double rate(String out, String id) {
    String line = Captured.line(out, "(" + id + ") ");
    Matcher m = Pattern.compile("\\s([\\d,]+)   ").matcher(line);
    if (!m.find()) {
      throw new IllegalStateException("no records/s in \"" + line + "\"");
    }
    return Captured.number(m.group(1));
  }
}
