package io.gordon.benchmarks.rfc2136;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints the benchmark table. */
final class Report {
  private static final String[] CLIENTS = {
    "(a)  nsupdate, 500 records per UPDATE",
    "(a2) nsupdate, gordon's message shape, 500 per UPDATE",
    "(b)  rfc2136 provider apply(), calls of 1,000 changes",
    "(b2) the same with ownership claims (marker per record)",
    "(c)  gordon router + rfc2136, events submitted at once",
    "(e)  gordon service: local.http -> router -> rfc2136",
    "(a3) nsupdate, gordon's claimed shape (markers), 300/UPDATE"
  };

  private Report() {}

  static void print(int n, int rounds, double[][] r, int rate, int seconds, long[] lat) {
    System.out.printf(
        Locale.ROOT,
        "rfc2136 benchmark: BIND %s on loopback, TSIG hmac-sha256,"
            + " %,d A records per measurement, median of %d rounds%n",
        BindVersion.get(),
        n,
        rounds);
    String f = "%-56s %10s   %s%n";
    System.out.printf(Locale.ROOT, f, "client", "records/s", "rounds");
    for (int i = 0; i < CLIENTS.length; i++) {
      System.out.printf(
          Locale.ROOT,
          f,
          CLIENTS[i],
          fmt(Rfc2136Benchmark.median(r[i])),
          Arrays.stream(r[i]).mapToObj(Report::fmt).collect(Collectors.joining(" ")));
    }
    double a = Rfc2136Benchmark.median(r[0]);
    System.out.printf(
        Locale.ROOT,
        "ratio to (a): (a2) %.0f%%, (a3) %.0f%%, (b) %.0f%%,"
            + " (b2) %.0f%%, (c) %.0f%%, (e) %.0f%%%n",
        100 * Rfc2136Benchmark.median(r[1]) / a,
        100 * Rfc2136Benchmark.median(r[6]) / a,
        100 * Rfc2136Benchmark.median(r[2]) / a,
        100 * Rfc2136Benchmark.median(r[3]) / a,
        100 * Rfc2136Benchmark.median(r[4]) / a,
        100 * Rfc2136Benchmark.median(r[5]) / a);
    latency("(d)  router + rfc2136", rate, seconds, lat, 0, "");
  }

  static void latency(
      String what, int rate, int seconds, long[] lat, int failed, String lastFailure) {
    System.out.printf(
        Locale.ROOT,
        "%s at %,d events/s for %d s: latency accepted ->"
            + " acknowledged p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        what,
        rate,
        seconds,
        ms(lat, 0.50),
        ms(lat, 0.99),
        lat.length == 0 ? 0 : lat[lat.length - 1] / 1e6);
    if (failed > 0) {
      System.out.printf(
          Locale.ROOT,
          "     %,d of %,d requests failed (not in the latencies)," + " last: %s%n",
          failed,
          failed + lat.length,
          lastFailure);
    }
  }

  private static double ms(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }
}
