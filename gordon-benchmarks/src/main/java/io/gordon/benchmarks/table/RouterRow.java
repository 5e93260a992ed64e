package io.gordon.benchmarks.table;

import io.gordon.benchmarks.RouterLatency;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code router}: JMH {@code RouterBenchmark} with the batching publish stage and a no-op provider
 * against the router alone (route consume -> cleanup), each in its own fork; {@code
 * router-latency}: {@code RouterLatency}, submit -> settled at 1,000 msgs/s.
 */
final class RouterRow {
  private RouterRow() {}

  static List<Line> throughput(Sizes s) throws Exception {
    double alone = jmh("direct", s);
    double publish = jmh("publish", s);
    return List.of(
        Line.of(
            "router with publish stage, no-op provider (JMH)",
            publish,
            alone,
            "router alone",
            "msgs/s",
            Goal.atLeast(300_000, ">= 300,000 msgs/s")));
  }

  static List<Line> latency(Sizes s) throws Exception {
    double p99 = RouterLatency.run(1000, s.pick(5000, 1000))[1];
    return List.of(
        Line.of(
            "router submit -> settled p99, 1,000 msgs/s, no-op provider",
            p99,
            Double.NaN,
            "-",
            "ms",
            Goal.atMost(50, "<= 50 ms (the ?wait=true budget)")));
  }

  private static double jmh(String route, Sizes s) throws Exception {
    int seconds = s.pick(4, 1);
    Options o =
        new OptionsBuilder()
            .include("RouterBenchmark")
            .param("route", route)
            .forks(1)
            .warmupIterations(s.pick(5, 1))
            .measurementIterations(s.pick(3, 1))
            .warmupTime(TimeValue.seconds(seconds))
            .measurementTime(TimeValue.seconds(seconds))
            .build();
    return new Runner(o).runSingle().getPrimaryResult().getScore();
  }
}
