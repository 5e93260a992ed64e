package io.gordon.core.router;

import io.gordon.testing.fakes.MutableClock;
import java.time.Duration;
import java.util.UUID;

/**
 * Not a test: prints the heap an {@link IdWindow} retains per settled id (used heap after a full
 * collection, before and after settling N ids). Run with the test classpath: {@code java -cp ...
 * io.gordon.core.router.IdWindowFootprint 600000}.
 */
final class IdWindowFootprint {
  private IdWindowFootprint() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
    MutableClock clock = new MutableClock(Events.T0);
    // As the router builds it (Settlement): 1,000,000 ids at most, in ID_SHARDS shards.
    IdWindow window =
        new IdWindow(
            clock, Duration.ofMinutes(10), Settlement.MAX_SETTLED_IDS, Settlement.ID_SHARDS);
    long before = used();
    for (int i = 0; i < n; i++) {
      // Made here and dropped: what stays reachable is what the window holds.
      Flight f =
          new Flight(
              Events.add(UUID.randomUUID().toString(), "www.example.com", "10.0.0.1"),
              (a, b, c) -> {});
      window.admit(f);
      window.finished(f, true);
      if (i % 1000 == 0) {
        clock.advance(Duration.ofMillis(1));
      }
    }
    long after = used();
    System.out.printf(
        "ids=%d retained=%.1f MB bytes/id=%.1f%n",
        n, (after - before) / 1e6, (after - before) / (double) n);
    // Keeps the window reachable until after the measurement.
    System.out.println("settled ids held: " + window.settledHeld());
  }

  private static long used() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
