package io.gordon.benchmarks;

import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * What the router adds to each message's latency (open loop): messages submitted at a steady rate,
 * one name each, route consume -> publish -> cleanup with the JMH benchmark's no-op provider;
 * latency from {@code submit} to settlement.
 *
 * <pre>
 * java -cp "$CP" io.gordon.benchmarks.RouterLatency [rate...]   # default 100 1000 10000
 * </pre>
 */
public final class RouterLatency {
  private RouterLatency() {}

  public static void main(String[] args) throws Exception {
    int[] rates =
        args.length == 0
            ? new int[] {100, 1000, 10000}
            : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
    System.out.printf(
        Locale.ROOT, "%-10s %10s %10s %10s%n", "rate/s", "p50 ms", "p99 ms", "max ms");
    for (int rate : rates) {
      double[] p = run(rate, Math.max(1000, rate * 3));
      System.out.printf(Locale.ROOT, "%-10d %10.3f %10.3f %10.3f%n", rate, p[0], p[1], p[2]);
    }
  }

  /** p50, p99 and max latency in ms of {@code n} messages at {@code rate}/s. */
  public static double[] run(int rate, int n) throws InterruptedException {
    Router router =
        RouterBuilder.create()
            .provider("noop", new RouterBenchmark.NoopProvider())
            .deadLetters(new RecordingDeadLetterSink())
            .build();
    long[] lat = new long[n];
    CountDownLatch done = new CountDownLatch(n);
    Instant t = Instant.now();
    long start = System.nanoTime();
    long gap = 1_000_000_000L / rate;
    for (int i = 0; i < n; i++) {
      long due = start + i * gap;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      int k = i;
      long t0 = System.nanoTime();
      DnsEvent e =
          DnsEvent.of(
              Action.ADDITIONS,
              t,
              List.of(RecordSet.of("h" + i + ".bench.example.", RecordType.A, 300, "10.0.0.1")));
      router.submit(
          EventMessage.create("m" + i, e, "consume", t, Map.of()),
          (id, o, h) -> {
            lat[k] = System.nanoTime() - t0;
            done.countDown();
          },
          Duration.ZERO);
    }
    done.await(60, TimeUnit.SECONDS);
    router.drain(Duration.ofSeconds(1));
    long[] warm = Arrays.copyOfRange(lat, n / 5, n);
    Arrays.sort(warm);
    return new double[] {
      warm[warm.length / 2] / 1e6,
      warm[(int) (warm.length * 0.99)] / 1e6,
      warm[warm.length - 1] / 1e6
    };
  }
}
