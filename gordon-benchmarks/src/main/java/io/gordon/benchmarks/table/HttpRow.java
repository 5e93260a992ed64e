package io.gordon.benchmarks.table;

import io.gordon.benchmarks.local.HttpLoadBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code http}: {@code HttpLoadBenchmark} (embedded default, one event per request, open loop over
 * 64 keep-alive connections) against a real {@code bin/gordon run} with the launcher's default JVM
 * settings (what users get; {@code GORDON_BENCH_JAVA_OPTS} for experiments, named on the row), read
 * from its printed table; the anchor is the disk's own write+fsync p99 measured just before in the
 * same temp directory, since the 202 is only sent once the spool is durable.
 */
final class HttpRow {
  private static final Pattern APPLIED = Pattern.compile("all applied (-?\\d+) ms after");

  private HttpRow() {}

  static List<Line> run(Sizes s, Path root) throws Exception {
    int rate = s.pick(1000, 200);
    double fsync = Fsync.p99(s.pick(1000, 100));
    String out;
    try (GordonProcess p = GordonProcess.start(root)) {
      Target t = new Target(p);
      out = Captured.stdout(() -> HttpLoadBenchmark.measure(t, rate, s.pick(10, 2), 64, true));
    }
    String[] accept = fields(Captured.line(out, "202 (spooled)"), "202 (spooled)");
    String[] wait = fields(Captured.line(out, "?wait=true (applied)"), "?wait=true (applied)");
    Matcher m = APPLIED.matcher(Captured.line(out, "202 (spooled)"));
    double lag = m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    String what =
        String.format(
            "local.http, 1 event/request, %,d req/s open loop, 64 conns%s: ",
            rate, GordonProcess.optsNote());
    String anchor = "write+fsync p99, same disk";
    return List.of(
        Line.of(
            what + "202 p99" + failed(accept),
            Captured.number(accept[2]),
            fsync,
            anchor,
            "ms",
            Goal.atMost(10, "<= 10 ms")),
        Line.of(
            what + "?wait=true p99" + failed(wait),
            Captured.number(wait[2]),
            fsync,
            anchor,
            "ms",
            Goal.atMost(50, "<= 50 ms")),
        Line.of(
            what + "last event applied after the last 202",
            lag,
            Double.NaN,
            Double.isNaN(lag) ? "NOT all applied within 60 s" : "-",
            "ms",
            Goal.atMost(1000, "<= 1,000 ms")));
  }

  /** The real process: its HTTP port, its zone file, its CPU time from /proc. */
  private record Target(GordonProcess p) implements HttpLoadBenchmark.Target {
    @Override
    public int port() {
      return p.httpPort;
    }

    @Override
    public String zone() throws IOException {
      Path z = p.dir().resolve("var/zones/example.com.zone");
      return Files.exists(z) ? Files.readString(z) : "";
    }

    @Override
    public long cpuNanos() {
      return (long) (p.cpuMillis() * 1e6);
    }
  }

  /** The columns after the mode: ok, p50, p99, max, failed, cpu. */
  private static String[] fields(String line, String mode) {
    return line.substring(mode.length()).trim().split("\\s+");
  }

  private static String failed(String[] f) {
    return Captured.number(f[4]) > 0 ? " (" + f[4] + " requests FAILED)" : "";
  }
}
