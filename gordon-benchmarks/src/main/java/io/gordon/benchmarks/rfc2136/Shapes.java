package io.gordon.benchmarks.rfc2136;

import io.gordon.api.model.RecordSet;
import io.gordon.rfc2136.Rfc2136Provider;
import io.gordon.testing.dns.BindServer;
import java.util.Locale;

/**
 * BIND's side alone: nsupdate sending each {@link NsupdateRun.Shape} to a fresh BIND, with and
 * without BIND's log line per updated RR, and what each cost: records/s, BIND's CPU and nsupdate's
 * CPU per record, the load average. What the safety of gordon's messages costs the server, and what
 * that cost depends on (docs/benchmarks.md, "What BIND's cost of a claimed change depends on").
 */
final class Shapes {
  private Shapes() {}

  /** Two rounds of every shape at 300 per UPDATE, and plain and claimed at other sizes. */
  static void run(int n) throws Exception {
    System.out.println(
        "shape            per UPDATE  update log  records/s  named us/record  nsupdate us/record  load");
    for (int round = 0; round < 2; round++) {
      for (boolean log : new boolean[] {true, false}) {
        for (NsupdateRun.Shape shape : NsupdateRun.Shape.values()) {
          one(n, round, shape, Rfc2136Benchmark.CLAIMED_PER_MESSAGE, log);
        }
        one(n, round, NsupdateRun.Shape.PLAIN, 500, log);
        one(n, round, NsupdateRun.Shape.CLAIMED, 100, log);
      }
    }
  }

  private static void one(int n, int round, NsupdateRun.Shape shape, int per, boolean log)
      throws Exception {
    String prefix = "x" + round + shape.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-";
    try (BindServer bind =
        log
            ? BindServer.start(Rfc2136Benchmark.ZONE)
            : BindServer.startWithoutUpdateLog(Rfc2136Benchmark.ZONE)) {
      double named = Cpu.of(bind.pid());
      double child = Cpu.children();
      long nanos = NsupdateRun.run(bind, prefix, n, per, shape);
      double namedCpu = Cpu.of(bind.pid()) - named;
      double clientCpu = Cpu.children() - child;
      confirm(bind, prefix, n);
      System.out.printf(
          Locale.ROOT,
          "%-16s %10d  %-10s %10.0f  %15.1f  %18.1f  %.1f%n",
          shape,
          per,
          log ? "on (-g)" : "off (-f)",
          n / (nanos / 1e9),
          namedCpu * 1e6 / n,
          clientCpu * 1e6 / n,
          LoadAverage.now());
    }
  }

  /** Confirms on the server (AXFR) that {@code n} names of {@code prefix} hold records. */
  private static void confirm(BindServer bind, String prefix, int n) {
    try (Rfc2136Provider p = Providers.of(bind)) {
      long found =
          p.list(Rfc2136Benchmark.ZONE).stream()
              .map(RecordSet::name)
              .filter(name -> name.startsWith(prefix))
              .distinct()
              .count();
      if (found != n) {
        throw new IllegalStateException(
            "expected " + n + " names " + prefix + "* on the server but found " + found);
      }
    }
  }
}
