package io.gordon.benchmarks.local;

/**
 * Issue 11's first row: the embedded default ({@code local.http} -> {@code local.zonefile}), one
 * event per HTTP request, open loop at a fixed rate over 64 keep-alive connections. Prints one
 * table row per mode: the 202 answer (spooled and fsynced) and {@code ?wait=true} (answer once
 * applied to the zone file), with p50/p99/max, failures, and, for the 202 mode, how long after the
 * last request every event was in the zone file.
 *
 * <p>Arguments: {@code [rate=1000] [seconds=10] [connections=64] [zonefile|none]}; {@code none}
 * routes consume -> cleanup with no provider, to measure local.http and the router alone. Command:
 * see docs/benchmarks.md ("local.http, one event per request").
 */
public final class HttpLoadBenchmark {
  private HttpLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    boolean zoneFile = args.length <= 3 || !args[3].equals("none");
    int n = rate * seconds;
    System.out.printf(
        "local.http, one event per request, %d requests/s open loop for %d s, %d"
            + " keep-alive connections (%s)%n",
        rate,
        seconds,
        connections,
        zoneFile
            ? "embedded default: local.http -> local.zonefile"
            : "local.http -> router, no provider (route consume -> cleanup)");
    System.out.printf(
        "%-22s %8s %9s %9s %9s %9s %9s  %s%n",
        "mode", "ok", "p50 ms", "p99 ms", "max ms", "failed", "cpu us/req", "notes");
    try (EmbeddedService service = new EmbeddedService(zoneFile)) {
      // warm-up as long as a measured run: the JIT is still compiling after 2,000 requests
      OpenLoopHttp.run(service.port, "", 202, n, rate, connections, "warm");
      if (zoneFile) {
        awaitApplied(service, "warm", n, 60_000);
      }
      long cpu = cpuNanos();
      OpenLoopHttp.Result accept =
          OpenLoopHttp.run(service.port, "", 202, n, rate, connections, "a");
      long acceptCpu = cpuNanos() - cpu;
      long applied = zoneFile ? awaitApplied(service, "a", n, 60_000) : 0;
      row(
          "202 (spooled)",
          accept,
          acceptCpu,
          !zoneFile
              ? ""
              : applied < 0
                  ? "NOT all applied within 60 s"
                  : "all applied "
                      + (applied - accept.lastAnswerNanos()) / 1_000_000
                      + " ms after the last answer");
      cpu = cpuNanos();
      OpenLoopHttp.Result wait =
          OpenLoopHttp.run(service.port, "?wait=true", 200, n, rate, connections, "w");
      row("?wait=true (applied)", wait, cpuNanos() - cpu, "");
    }
  }

  /** Polls the zone file until it names all {@code n} records; returns when (nanoTime), or -1. */
  private static long awaitApplied(EmbeddedService s, String prefix, int n, long timeoutMs)
      throws Exception {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < deadline) {
      String zone = s.zone();
      int count = 0;
      for (int at = zone.indexOf("\n" + prefix);
          at >= 0;
          at = zone.indexOf("\n" + prefix, at + 1)) {
        count++;
      }
      if (count >= n) {
        return System.nanoTime();
      }
      Thread.sleep(20);
    }
    return -1;
  }

  /**
   * One row; {@code cpu} is the whole process's CPU time (server and client) during the run, shown
   * per request: a figure that depends far less on other load than the latencies do.
   */
  private static void row(String mode, OpenLoopHttp.Result r, long cpu, String notes) {
    System.out.printf(
        "%-22s %8d %9.1f %9.1f %9.1f %9d %9.0f  %s%n",
        mode,
        r.latencies().length,
        r.percentile(0.5),
        r.percentile(0.99),
        r.percentile(1.0),
        r.failures(),
        cpu / 1e3 / (r.latencies().length + r.failures()),
        notes + (r.failures() > 0 ? " last failure: " + r.lastFailure() : ""));
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
