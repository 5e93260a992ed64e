package io.gordon.core.router;

import io.gordon.testing.fakes.MutableClock;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: the CPU time one thread spends per message in the dedup window (admit, then settle
 * 10,000 admissions later, as with {@code core.max_in_flight} 10,000), with the window held at its
 * 1,000,000-id bound as in {@code RouterBenchmark}. Thread CPU time, so that other processes on a
 * shared machine do not count. Run with the test classpath: {@code java -cp ...
 * io.gordon.core.router.IdWindowCost [rounds [shards]]}.
 */
final class IdWindowCost {
  private static final int BATCH = 100_000;
  private static final int IN_FLIGHT = 10_000;

  private IdWindowCost() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int shards = args.length > 1 ? Integer.parseInt(args[1]) : Settlement.ID_SHARDS;
    MutableClock clock = new MutableClock(Events.T0);
    IdWindow window =
        new IdWindow(clock, Duration.ofSeconds(10), Settlement.MAX_SETTLED_IDS, shards);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int round = 0; round < rounds; round++) {
      List<Flight> flights = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        flights.add(
            new Flight(
                Events.add(round + "-" + i + "-5f0e4c2a-9b7d", "www.example.com", "10.0.0.1"),
                (a, b, c) -> {}));
      }
      long t0 = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < BATCH; i++) {
        if (!window.admit(flights.get(i))) {
          throw new IllegalStateException("not admitted: " + flights.get(i).id);
        }
        if (i >= IN_FLIGHT) {
          window.finished(flights.get(i - IN_FLIGHT), true);
        }
      }
      for (int i = BATCH - IN_FLIGHT; i < BATCH; i++) {
        window.finished(flights.get(i), true);
      }
      long ns = cpu.getCurrentThreadCpuTime() - t0;
      clock.advance(Duration.ofMillis(300));
      if (round >= rounds / 2) {
        System.out.printf(
            "round %d: %.0f ns per message (admit + settle), %d settled ids held%n",
            round, ns / (double) BATCH, window.settledHeld());
      }
    }
  }
}
