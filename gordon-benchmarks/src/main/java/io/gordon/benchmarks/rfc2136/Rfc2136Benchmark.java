package io.gordon.benchmarks.rfc2136;

import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.model.RecordSet;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.rfc2136.Rfc2136Provider;
import io.gordon.testing.dns.BindServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Compares gordon's rfc2136 publishing with nsupdate against BIND, in one run. Each measurement
 * uses a fresh server and the clients alternate for several rounds (the median is reported), so
 * that load from other processes on a shared machine hits them alike:
 *
 * <ol>
 *   <li>(a) nsupdate adding N records, 500 per UPDATE message;
 *   <li>(a2) nsupdate sending the message shape gordon sends (prerequisite, delete, add);
 *   <li>(b) the rfc2136 provider's {@code apply}, given the N changes in calls of 1,000 (the core's
 *       largest batch); (b2) the same changes with an ownership claim, so that each record is
 *       written with its owner marker (the default through the core);
 *   <li>(c) gordon's router with the provider behind it, N events submitted at once;
 *   <li>(e) the whole service ({@code local.http} -> router -> {@code rfc2136}): N events posted as
 *       JSON lines, 500 per request, by 4 producers, each request waiting ({@code ?wait=true})
 *       until its events are applied;
 *   <li>(d) latency from event accepted to update acknowledged at a steady rate, through the router
 *       alone and (f) through the whole service, one event per HTTP request.
 * </ol>
 *
 * Usage: {@code Rfc2136Benchmark [records] [rate] [seconds] [rounds]} (defaults 20000, 1000, 10,
 * 3).
 */
public final class Rfc2136Benchmark {
  static final String ZONE = "bench.test.";

  /**
   * Changes per UPDATE of line (a3): a little below the ~360 claimed changes gordon puts in one 64
   * KiB message for these names; nsupdate refuses 400 ("ran out of space").
   */
  public static final int CLAIMED_PER_MESSAGE = 300;

  /** The owner id of claimed changes: the core's default {@code owner_id}. */
  static final String OWNER = "gordon";

  private Rfc2136Benchmark() {}

  /**
   * The issue 11 row: the whole service (e) against nsupdate's 500 adds per UPDATE (a), alternating
   * for {@code rounds} rounds on fresh servers (after a warm-up), medians compared.
   *
   * @param records events (and nsupdate records) per measurement
   * @param rounds rounds of the two clients, alternating
   */
  public static Comparison endToEnd(int records, int rounds) throws Exception {
    warmUp();
    double[] gordon = new double[rounds];
    double[] nsupdate = new double[rounds];
    double[] claimed = new double[rounds];
    double load = 0;
    for (int i = 0; i < rounds; i++) {
      nsupdate[i] = nsupdate(records, "a" + i, NsupdateRun.Shape.PLAIN, 500);
      claimed[i] = nsupdate(records, "m" + i, NsupdateRun.Shape.CLAIMED, CLAIMED_PER_MESSAGE);
      gordon[i] = service(records, "h" + i);
      load = Math.max(load, LoadAverage.now());
    }
    if (System.getenv("GORDON_BENCH_THREAD_CPU") != null) {
      Cpu.printThreads();
    }
    return new Comparison(median(gordon), median(nsupdate), median(claimed), load);
  }

  /**
   * One {@link #endToEnd} result.
   *
   * @param gordonEventsPerSecond events/s through local.http, the router and rfc2136 into BIND
   * @param nsupdateRecordsPerSecond records/s of nsupdate adding 500 records per UPDATE
   * @param nsupdateClaimedPerSecond records/s of nsupdate sending gordon's message shape for the
   *     same new names (three prerequisites, the record and its owner marker, 300 per UPDATE): the
   *     same safety from the reference client, the anchor that sets what the safety costs BIND
   * @param loadAverage the highest 1-minute load average seen between rounds
   */
  public record Comparison(
      double gordonEventsPerSecond,
      double nsupdateRecordsPerSecond,
      double nsupdateClaimedPerSecond,
      double loadAverage) {
    /** gordon's rate over nsupdate's plain adds: the ratio. */
    public double ratio() {
      return gordonEventsPerSecond / nsupdateRecordsPerSecond;
    }

    /** gordon's rate over nsupdate's with the same message shape. */
    public double sameShapeRatio() {
      return gordonEventsPerSecond / nsupdateClaimedPerSecond;
    }
  }

  /**
   * Runs the benchmark and prints the table; {@code e2e [records] [rounds]} runs only {@link
   * #endToEnd}, {@code shapes [records]} only nsupdate with each message shape, {@code provider
   * [records] [rounds]} only line (b2), five times unless told (the first warms the JIT), {@code
   * router [records]} only line (c), three times after the warm-up, {@code path [events] [rounds]}
   * line (e) without the provider (no BIND: {@link ServicePath}), {@code ceiling [records] [rounds]
   * [1,2,4,8]} what BIND allows for gordon's message shapes, fed for free ({@link Ceiling}).
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("path")) {
      ServicePath.run(
          args.length > 1 ? Integer.parseInt(args[1]) : 40_000,
          args.length > 2 ? Integer.parseInt(args[2]) : 8);
      return;
    }
    if (args.length > 0 && args[0].equals("ceiling")) {
      Ceiling.run(
          args.length > 1 ? Integer.parseInt(args[1]) : 20_000,
          args.length > 2 ? Integer.parseInt(args[2]) : 1,
          args.length > 3
              ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray()
              : new int[] {1, 2, 4, 8});
      return;
    }
    if (args.length > 0 && args[0].equals("shapes")) {
      Shapes.run(args.length > 1 ? Integer.parseInt(args[1]) : 20_000);
      return;
    }
    if (args.length > 0 && args[0].equals("provider")) {
      int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
      int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
      for (int i = 0; i < rounds; i++) {
        System.out.printf(
            java.util.Locale.ROOT,
            "(b2) provider apply(), claimed: %,.0f" + " records/s%n",
            applyDirect(n, "o" + i, true));
      }
      return;
    }
    if (args.length > 0 && args[0].equals("router")) {
      int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
      warmUp();
      for (int i = 0; i < 3; i++) {
        System.out.printf(
            java.util.Locale.ROOT, "(c) router + rfc2136: %,.0f records/s%n", router(n, "r" + i));
      }
      return;
    }
    if (args.length > 0 && args[0].equals("e2e")) {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      Comparison c = endToEnd(arg(rest, 0, 20_000), arg(rest, 1, 3));
      System.out.printf(
          java.util.Locale.ROOT,
          "rfc2136 end to end: gordon %,.0f events/s,"
              + " nsupdate %,.0f records/s, ratio %.2f, nsupdate same shape %,.0f records/s,"
              + " same-shape ratio %.2f, load %.1f%n",
          c.gordonEventsPerSecond(),
          c.nsupdateRecordsPerSecond(),
          c.ratio(),
          c.nsupdateClaimedPerSecond(),
          c.sameShapeRatio(),
          c.loadAverage());
      return;
    }
    int n = arg(args, 0, 20_000);
    int rate = arg(args, 1, 1_000);
    int seconds = arg(args, 2, 10);
    int rounds = arg(args, 3, 3);
    warmUp();
    double[][] r = new double[7][rounds];
    for (int i = 0; i < rounds; i++) {
      r[0][i] = nsupdate(n, "a" + i, NsupdateRun.Shape.PLAIN, 500);
      r[1][i] = nsupdate(n, "s" + i, NsupdateRun.Shape.SAFE, 500);
      r[6][i] = nsupdate(n, "m" + i, NsupdateRun.Shape.CLAIMED, CLAIMED_PER_MESSAGE);
      r[2][i] = applyDirect(n, "p" + i, false);
      r[3][i] = applyDirect(n, "o" + i, true);
      r[4][i] = router(n, "r" + i);
      r[5][i] = service(n, "h" + i);
    }
    long[] routerLatency;
    try (BindServer bind = bind();
        Rfc2136Provider p = Providers.of(bind);
        RouterRun run = new RouterRun(p, ZONE, 5_000)) {
      routerLatency = run.steady("lt", rate * seconds, rate);
      check(run, "steady");
      confirm(bind, "lt", rate * seconds);
    }
    Report.print(n, rounds, r, rate, seconds, routerLatency);
    try (BindServer bind = bind();
        GordonService gordon = new GordonService(bind, 5_000)) {
      HttpRun http = new HttpRun(gordon.eventsUrl(), ZONE);
      long[] lat = http.steady("ht", rate * seconds, rate);
      Report.latency(
          "(f)  gordon service over HTTP, one event per request (?wait=true)",
          rate,
          seconds,
          lat,
          http.failures(),
          http.lastFailure());
    }
  }

  /**
   * A fresh BIND for one measurement; with {@code GORDON_BENCH_BIND_UPDATE_LOG=off} without its log
   * line per updated RR (a quarter of BIND's CPU per RR; docs/rfc2136.md, "Server configuration").
   */
  static BindServer bind() {
    return "off".equals(System.getenv("GORDON_BENCH_BIND_UPDATE_LOG"))
        ? BindServer.startWithoutUpdateLog(ZONE)
        : BindServer.start(ZONE);
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }

  /**
   * Runs every gordon path once, so that the JIT has compiled it before anything is timed: a JVM's
   * first seconds spend more CPU compiling than serving, CPU the two cores share with BIND.
   */
  private static void warmUp() throws Exception {
    try (BindServer bind = bind();
        Rfc2136Provider p = Providers.of(bind);
        RouterRun run = new RouterRun(p, ZONE, 5_000)) {
      run.burst("warm", 5_000);
      p.apply(Workload.changes("warma", 0, 5_000, ZONE));
    }
    for (int i = 0; i < 2; i++) {
      service(10_000, "warmh" + i);
    }
  }

  private static double nsupdate(int n, String prefix, NsupdateRun.Shape shape, int perMessage)
      throws Exception {
    try (BindServer bind = bind()) {
      double named = Cpu.of(bind.pid());
      double waited = Cpu.waited(bind.pid());
      double child = Cpu.children();
      long nanos = NsupdateRun.run(bind, prefix, n, perMessage, shape);
      cpu("(a) " + shape, n, nanos, Cpu.children() - child, Cpu.of(bind.pid()) - named);
      waited("(a)", n, nanos, Cpu.waited(bind.pid()) - waited);
      double rate = perSecond(n, nanos);
      confirm(bind, prefix, n);
      return rate;
    }
  }

  private static double applyDirect(int n, String prefix, boolean claimed) throws IOException {
    try (BindServer bind = bind();
        Rfc2136Provider p = Providers.of(bind)) {
      List<List<Change>> calls = new ArrayList<>();
      for (int from = 0; from < n; from += 1_000) {
        List<Change> batch = Workload.changes(prefix, from, Math.min(n, from + 1_000), ZONE);
        calls.add(
            claimed
                ? batch.stream().map(c -> c.withOwnership(Ownership.of(OWNER))).toList()
                : batch);
      }
      boolean threads = System.getenv("GORDON_BENCH_THREAD_CPU") != null;
      java.util.Map<String, Double> before = threads ? Cpu.threads() : java.util.Map.of();
      double named = Cpu.of(bind.pid());
      double self = Cpu.self();
      long start = System.nanoTime();
      for (List<Change> batch : calls) {
        for (ChangeResult res : p.apply(batch)) {
          if (!(res instanceof ChangeResult.Applied)) {
            throw new IllegalStateException("apply failed: " + res);
          }
        }
      }
      long nanos = System.nanoTime() - start;
      cpu(claimed ? "(b2)" : "(b)", n, nanos, Cpu.self() - self, Cpu.of(bind.pid()) - named);
      if (threads) {
        Cpu.printThreads(before, Cpu.threads());
      }
      double rate = perSecond(n, nanos);
      confirm(bind, prefix, n);
      return rate;
    }
  }

  private static double service(int n, String prefix) throws Exception {
    try (BindServer bind = bind();
        GordonService gordon = new GordonService(bind, 5_000)) {
      collectHarnessGarbage();
      double named = Cpu.of(bind.pid());
      double waited = Cpu.waited(bind.pid());
      double self = Cpu.self();
      java.util.Map<String, Double> threads = Cpu.threads();
      long nanos = new HttpRun(gordon.eventsUrl(), ZONE).burst(prefix, n, 500, 4);
      cpu("(e)", n, nanos, Cpu.self() - self, Cpu.of(bind.pid()) - named);
      waited("(e)", n, nanos, Cpu.waited(bind.pid()) - waited);
      java.util.Map<String, Double> by = Cpu.threads();
      threads.forEach((k, v) -> by.computeIfPresent(k, (key, now) -> now - v));
      // Threads that ended during the round (the producers' pool) are missing: client is a floor.
      System.err.println("cpu (e)  by thread group, us per record: " + Cpu.shares(by, n));
      double rate = perSecond(n, nanos);
      confirm(bind, prefix, n);
      return rate;
    }
  }

  /**
   * Collects the harness's garbage before a timed round of the in-process service, as JMH does
   * between iterations with {@code -gc true}: the previous round's check ({@link #confirm} reads
   * the zone back by AXFR, ~100 MB of dnsjava objects for 20,000 names) and the services closed
   * before left the old generation full, and with the launcher's serial collector its full
   * collection (115-170 ms, once or twice per run) fell into gordon's timed rounds, a pause a
   * service without the harness never takes. {@code GORDON_BENCH_NO_GC=1} skips it (to compare).
   */
  private static void collectHarnessGarbage() {
    if (System.getenv("GORDON_BENCH_NO_GC") == null) {
      System.gc();
    }
  }

  private static double router(int n, String prefix) throws Exception {
    try (BindServer bind = bind();
        Rfc2136Provider p = Providers.of(bind);
        RouterRun run = new RouterRun(p, ZONE, 5_000)) {
      double self = Cpu.self();
      double named = Cpu.of(bind.pid());
      long nanos = run.burst(prefix, n);
      cpu("(c)", n, nanos, Cpu.self() - self, Cpu.of(bind.pid()) - named);
      double rate = perSecond(n, nanos);
      check(run, "burst");
      confirm(bind, prefix, n);
      return rate;
    }
  }

  /** Prints (stderr) what one measurement cost in CPU: the client's and BIND's, per record. */
  private static void cpu(String line, int n, long nanos, double client, double named) {
    System.err.printf(
        java.util.Locale.ROOT,
        "cpu %-4s %,d records in %.2f s: client %.1f us,"
            + " named %.1f us per record (load %.1f)%n",
        line,
        n,
        nanos / 1e9,
        client * 1e6 / n,
        named * 1e6 / n,
        LoadAverage.now());
  }

  /** Prints (stderr) how long BIND waited for a CPU, per record and as a share of the run. */
  private static void waited(String line, int n, long nanos, double seconds) {
    System.err.printf(
        java.util.Locale.ROOT,
        "cpu %-4s named waited for a CPU %.1f us per record, %.0f%% of the run%n",
        line,
        seconds * 1e6 / n,
        seconds * 1e11 / nanos);
  }

  /** Confirms on the server (AXFR) that all {@code n} records of {@code prefix} exist. */
  static void confirm(BindServer bind, String prefix, int n) {
    try (Rfc2136Provider p = Providers.of(bind)) {
      long found =
          p.list(ZONE).stream()
              .map(RecordSet::name)
              .filter(
                  name ->
                      name.startsWith(prefix) && Character.isDigit(name.charAt(prefix.length())))
              .count();
      if (found != n) {
        throw new IllegalStateException(
            "expected " + n + " records " + prefix + "* on the" + " server but found " + found);
      }
    }
  }

  private static void check(RouterRun run, String phase) {
    if (run.failures() > 0) {
      throw new IllegalStateException(run.failures() + " events failed in the " + phase + " phase");
    }
  }

  private static double perSecond(int n, long nanos) {
    return n / (nanos / 1e9);
  }

  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }
}
