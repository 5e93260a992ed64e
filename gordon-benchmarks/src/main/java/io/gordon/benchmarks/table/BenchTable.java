package io.gordon.benchmarks.table;

import io.gordon.benchmarks.RouterLatency;
import io.gordon.benchmarks.pubsub.PubSubBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark rows named on the command line (all by default) and prints one table:
 * path, gordon's figure, the anchor's figure measured in the same run, the ratio, the goal.
 * A new row is one entry in {@link #ROWS}: a name and a {@link Row.Measure} returning
 * gordon's and the anchor's figure. Started by {@code bin/bench}.
 */
public final class BenchTable {
  /**
   * One line of the table.
   *
   * @param path what is measured
   * @param unit the unit of both figures
   * @param anchor what the anchor is
   * @param goal the goal, as text
   * @param measure runs the measurement
   */
  public record Row(String path, String unit, String anchor, String goal, Measure measure) {
    /** Runs one measurement: {gordon, anchor}. */
    @FunctionalInterface
    public interface Measure {
      double[] run() throws Exception;
    }
  }

  static final Map<String, Row> ROWS = new LinkedHashMap<>();

  static {
    ROWS.put("router", new Row("router with publish stage, no-op provider (JMH)", "msgs/s",
        "router alone (route consume -> cleanup)", ">= 300,000 msgs/s",
        () -> new double[] {jmh("publish"), jmh("direct")}));
    ROWS.put("router-latency", new Row("router submit -> settled p99 at 1,000 msgs/s, no-op "
        + "provider", "ms", "none", "<= 50 ms (HTTP ?wait=true budget)",
        () -> new double[] {RouterLatency.run(1000, 5000)[1], Double.NaN}));
    ROWS.put("pubsub", new Row("gcp.event_consumer -> router, emulator, max_messages 25",
        "events/s", "consumer acking at once (client library, no processing)",
        ">= 0.8 of anchor; >= 2,000 events/s", () -> {
          double[] m = PubSubBenchmark.measure(3000, 25);
          return new double[] {m[1], m[0]};
        }));
  }

  private BenchTable() {}

  public static void main(String[] args) throws Exception {
    List<String> names = args.length == 0 ? List.copyOf(ROWS.keySet()) : List.of(args);
    List<String> lines = new ArrayList<>();
    for (String name : names) {
      Row row = ROWS.get(name);
      if (row == null) {
        throw new IllegalArgumentException("no benchmark row \"" + name + "\" (rows: "
            + String.join(", ", ROWS.keySet()) + ")");
      }
      double[] r = row.measure().run();
      lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", row.path(),
          figure(r[0], row.unit()), Double.isNaN(r[1]) ? row.anchor()
              : figure(r[1], row.unit()) + " (" + row.anchor() + ")",
          Double.isNaN(r[1]) ? "-" : String.format(Locale.ROOT, "%.2f", r[0] / r[1]),
          row.goal()));
    }
    System.out.println();
    System.out.printf("load average %s%n", loadAverage());
    System.out.println("| path | gordon | anchor | ratio | goal |");
    System.out.println("|---|---|---|---|---|");
    lines.forEach(System.out::println);
  }

  private static String figure(double v, String unit) {
    return String.format(Locale.ROOT, v >= 100 ? "%,.0f %s" : "%.2f %s", v, unit);
  }

  private static double jmh(String route) throws Exception {
    Options o = new OptionsBuilder().include("RouterBenchmark").param("route", route).forks(1)
        .warmupIterations(2).measurementIterations(3).warmupTime(TimeValue.seconds(4))
        .measurementTime(TimeValue.seconds(4)).build();
    RunResult r = new Runner(o).runSingle();
    return r.getPrimaryResult().getScore();
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
