package io.gordon.benchmarks.rfc2136;

import io.gordon.api.model.Change;
import io.gordon.api.model.Ownership;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.rfc2136.Rfc2136Provider;
import io.gordon.testing.dns.BindServer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What BIND allows for gordon's message shapes: BIND fed for free. The rfc2136 provider, unchanged,
 * sends N new names through an {@link UpdateRecorder} to a scratch BIND, claimed (record, owner
 * marker, three {@code nxrrset} prerequisites: the default through the core) and unclaimed ({@code
 * nxrrset CNAME}, delete, add); the recorded messages, and nsupdate's plain adds built with
 * dnsjava, are signed again before the clock starts and replayed by {@link PipelinedSender} to a
 * fresh BIND each, with several messages in flight, in the same run as nsupdate's 500 plain adds
 * per UPDATE (the anchor of issue 11's rfc2136 row). The plain adds through the same client show
 * its cost: if they reach nsupdate's rate, the client is not what limits the other lines.
 */
final class Ceiling {
  /** Plain adds per UPDATE: nsupdate's in the anchor line. */
  private static final int PLAIN_PER_MESSAGE = 500;

  /** The provider's calls: the core's largest batch. */
  private static final int CALL = 1_000;

  private Ceiling() {}

  /**
   * One measurement.
   *
   * @param line what was sent, by which client
   * @param inFlight messages awaiting an answer at once
   * @param perSecond records applied per second
   * @param namedUs BIND's CPU per record, microseconds
   * @param waitedUs BIND's time runnable but waiting for a CPU, per record
   * @param waitShare that waiting as a share of the measurement's wall time
   * @param clientUs the client's CPU per record (this JVM's, or nsupdate's)
   */
  record Measured(
      String line,
      int inFlight,
      double perSecond,
      double namedUs,
      double waitedUs,
      double waitShare,
      double clientUs) {}

  /**
   * Renders the three shapes, then for {@code rounds} rounds: nsupdate's plain adds, the same
   * through the free client, and the claimed and unclaimed shapes at each of {@code windows}
   * messages in flight (one connection, pipelined, as the provider sends); prints every measurement
   * and, last, the result line {@code bin/bench} reads: the medians over the rounds, for each shape
   * at the number in flight whose median is highest.
   */
  static void run(int n, int rounds, int[] windows) throws Exception {
    Prerendered claimed = recorded(n, "c", true);
    Prerendered unclaimed = recorded(n, "u", false);
    Prerendered plain = Prerendered.plainAdds("p", n, PLAIN_PER_MESSAGE, Rfc2136Benchmark.ZONE);
    System.out.printf(
        Locale.ROOT,
        "rendered before any clock: claimed %d UPDATEs (%.0f changes each, %,d octets),"
            + " unclaimed %d (%.0f each), plain %d (%d each)%n",
        claimed.wires().size(),
        (double) n / claimed.wires().size(),
        claimed.octets(),
        unclaimed.wires().size(),
        (double) n / unclaimed.wires().size(),
        plain.wires().size(),
        PLAIN_PER_MESSAGE);
    System.out.println(
        "line                                   in flight  records/s  named us/rec"
            + "  named waited us/rec  client us/rec  vs (a)");
    double[] anchor = new double[rounds];
    double[] free = new double[rounds];
    double[][] c = new double[windows.length][rounds];
    double[][] u = new double[windows.length][rounds];
    for (int round = 0; round < rounds; round++) {
      Measured a = nsupdate(n, "a" + round);
      anchor[round] = print(a, a);
      free[round] = print(replay("(p) free client, plain adds, 500/UPDATE", plain, "p", n, 1), a);
      for (int w = 0; w < windows.length; w++) {
        c[w][round] =
            print(replay("(c) free client, claimed (default)", claimed, "c", n, windows[w]), a);
      }
      for (int w = 0; w < windows.length; w++) {
        u[w][round] =
            print(replay("(u) free client, ownership off", unclaimed, "u", n, windows[w]), a);
      }
    }
    int bestC = best(c);
    int bestU = best(u);
    System.out.printf(
        Locale.ROOT,
        "rfc2136 ceiling: claimed %,.0f records/s at %d in flight, ownership off %,.0f records/s"
            + " at %d in flight, plain %,.0f records/s at 1 in flight, nsupdate %,.0f records/s"
            + " (medians of %d rounds), load %.1f%n",
        Rfc2136Benchmark.median(c[bestC]),
        windows[bestC],
        Rfc2136Benchmark.median(u[bestU]),
        windows[bestU],
        Rfc2136Benchmark.median(free),
        Rfc2136Benchmark.median(anchor),
        rounds,
        LoadAverage.now());
  }

  /** The index of the highest median. */
  private static int best(double[][] rates) {
    int best = 0;
    for (int i = 1; i < rates.length; i++) {
      if (Rfc2136Benchmark.median(rates[i]) > Rfc2136Benchmark.median(rates[best])) {
        best = i;
      }
    }
    return best;
  }

  /** The provider's messages for {@code n} new names, as it sent them to a scratch BIND. */
  static Prerendered recorded(int n, String prefix, boolean claim) throws Exception {
    try (BindServer bind = Rfc2136Benchmark.bind();
        UpdateRecorder recorder = new UpdateRecorder(bind.address());
        Rfc2136Provider p = Providers.of(bind, recorder.hostPort())) {
      for (int from = 0; from < n; from += CALL) {
        List<Change> call = new ArrayList<>();
        for (Change c :
            Workload.changes(prefix, from, Math.min(n, from + CALL), Rfc2136Benchmark.ZONE)) {
          call.add(claim ? c.withOwnership(Ownership.of(Rfc2136Benchmark.OWNER)) : c);
        }
        for (ChangeResult r : p.apply(call)) {
          if (!(r instanceof ChangeResult.Applied)) {
            throw new IllegalStateException("the provider did not apply " + r);
          }
        }
      }
      return Prerendered.unsign(recorder.updates());
    }
  }

  private static Measured replay(
      String line, Prerendered messages, String prefix, int n, int window)
      throws IOException, InterruptedException {
    try (BindServer bind = Rfc2136Benchmark.bind()) {
      List<byte[]> framed = messages.signed(bind.key());
      double named = Cpu.of(bind.pid());
      double waited = Cpu.waited(bind.pid());
      double self = Cpu.self();
      long nanos = PipelinedSender.send(bind.address(), framed, 1, window);
      Measured m =
          measured(
              line,
              window,
              n,
              nanos,
              Cpu.self() - self,
              Cpu.of(bind.pid()) - named,
              Cpu.waited(bind.pid()) - waited);
      Rfc2136Benchmark.confirm(bind, prefix, n);
      return m;
    }
  }

  private static Measured nsupdate(int n, String prefix) throws Exception {
    try (BindServer bind = Rfc2136Benchmark.bind()) {
      double named = Cpu.of(bind.pid());
      double waited = Cpu.waited(bind.pid());
      double child = Cpu.children();
      long nanos = NsupdateRun.run(bind, prefix, n, PLAIN_PER_MESSAGE, NsupdateRun.Shape.PLAIN);
      Measured m =
          measured(
              "(a) nsupdate, plain adds, 500/UPDATE",
              1,
              n,
              nanos,
              Cpu.children() - child,
              Cpu.of(bind.pid()) - named,
              Cpu.waited(bind.pid()) - waited);
      Rfc2136Benchmark.confirm(bind, prefix, n);
      return m;
    }
  }

  private static Measured measured(
      String line, int window, int n, long nanos, double client, double named, double waited) {
    return new Measured(
        line,
        window,
        n / (nanos / 1e9),
        named * 1e6 / n,
        waited * 1e6 / n,
        waited * 1e9 / nanos,
        client * 1e6 / n);
  }

  /** Prints {@code m} and returns its rate. */
  private static double print(Measured m, Measured anchor) {
    System.out.printf(
        Locale.ROOT,
        "%-38s %9d  %9.0f  %12.1f  %11.1f (%3.0f%%)  %13.1f  %6.2f   load %.1f%n",
        m.line(),
        m.inFlight(),
        m.perSecond(),
        m.namedUs(),
        m.waitedUs(),
        100 * m.waitShare(),
        m.clientUs(),
        m.perSecond() / anchor.perSecond(),
        LoadAverage.now());
    return m.perSecond();
  }
}
