package io.gordon.benchmarks.local;

import java.io.IOException;

/**
 * Issue 11's first row: the embedded default ({@code local.http} -> {@code local.zonefile}), one
 * event per HTTP request, open loop at a fixed rate over 64 keep-alive connections. Prints one
 * table row per mode: the 202 answer (spooled and fsynced) and {@code ?wait=true} (answer once
 * applied to the zone file), with p50/p99/max, failures, and, for the 202 mode, how long after the
 * last request every event was in the zone file.
 *
 * <p>Arguments: {@code [rate=1000] [seconds=10] [connections=64] [zonefile|none]}; {@code none}
 * routes consume -> cleanup with no provider, to measure local.http and the router alone. {@code
 * main} runs the service in this JVM (with this JVM's flags: for profiling); bin/bench's {@code
 * http} row runs the same {@link #measure} against a real {@code bin/gordon run}, so the row has
 * the launcher's JVM settings. Command: see docs/benchmarks.md ("local.http, one event per
 * request").
 */
public final class HttpLoadBenchmark {
  private HttpLoadBenchmark() {}

  /** The service under load: where it listens, its zone file, the CPU time it has used. */
  public interface Target {
    int port();

    /** The zone file's text ("" while it does not exist). */
    String zone() throws IOException;

    /** CPU time the service's process has used so far (nanoseconds). */
    long cpuNanos();

    /** GC and allocation since {@code g} when the service runs in this JVM, else "". */
    default String gcSince(Gc g, int requests) {
      return "";
    }
  }

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
    boolean zoneFile = args.length <= 3 || !args[3].equals("none");
    try (EmbeddedService service = new EmbeddedService(zoneFile)) {
      measure(service, rate, seconds, connections, zoneFile);
    }
    // this JVM's peak resident memory (service and client), to compare JVM settings
    for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
      if (l.startsWith("VmHWM:")) {
        System.out.println("this JVM (service and client): " + l.replaceAll("\\s+", " "));
      }
    }
  }

  /** Warms the target up with a run as long as the measured one, then prints the two rows. */
  public static void measure(Target t, int rate, int seconds, int connections, boolean zoneFile)
      throws Exception {
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
    // warm-up as long as a measured run: the JIT is still compiling after 2,000 requests
    OpenLoopHttp.run(t.port(), "", 202, n, rate, connections, "warm");
    if (zoneFile) {
      awaitApplied(t, "warm", n, 60_000);
    }
    long cpu = t.cpuNanos();
    Gc gc = Gc.now();
    OpenLoopHttp.Result accept = OpenLoopHttp.run(t.port(), "", 202, n, rate, connections, "a");
    long acceptCpu = t.cpuNanos() - cpu;
    String acceptGc = t.gcSince(gc, n);
    long applied = zoneFile ? awaitApplied(t, "a", n, 60_000) : 0;
    row(
        "202 (spooled)",
        accept,
        acceptCpu,
        (!zoneFile
                ? ""
                : applied < 0
                    ? "NOT all applied within 60 s"
                    : "all applied "
                        + (applied - accept.lastAnswerNanos()) / 1_000_000
                        + " ms after the last answer")
            + (acceptGc.isEmpty() ? "" : "; " + acceptGc));
    cpu = t.cpuNanos();
    gc = Gc.now();
    OpenLoopHttp.Result wait =
        OpenLoopHttp.run(t.port(), "?wait=true", 200, n, rate, connections, "w");
    row("?wait=true (applied)", wait, t.cpuNanos() - cpu, t.gcSince(gc, n));
  }

  /** Polls the zone file until it names all {@code n} records; returns when (nanoTime), or -1. */
  private static long awaitApplied(Target t, String prefix, int n, long timeoutMs)
      throws Exception {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
    while (System.nanoTime() < deadline) {
      String zone = t.zone();
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
   * One row; {@code cpu} is the service process's CPU time during the run (with {@code main}, the
   * client's too), shown per request: a figure that depends far less on other load than the
   * latencies do.
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
}
