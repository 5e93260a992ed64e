package io.gordon.benchmarks;

import io.gordon.api.model.Action;
import io.gordon.api.model.Change;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.testing.fakes.RecordingDeadLetterSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The router alone: an in-memory source submitting messages for 10k distinct names (per-name
 * ordering on), route consume -> publish -> cleanup, a no-op provider behind the batching publish
 * stage. Score = messages/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RouterBenchmark {
  static final int BATCH = 100_000;
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Param({"10000"})
  int names;

  @Param({"10000"})
  int maxInFlight;

  /** "publish": consume -> publish -> cleanup; "direct": consume -> cleanup (no provider). */
  @Param({"publish"})
  String route;

  private Router router;
  private List<EventMessage> messages;
  private List<RecordSet> records;
  private int round;
  private CountDownLatch done;
  private final AtomicInteger remaining = new AtomicInteger();

  @Setup(Level.Trial)
  public void setUp() {
    router =
        RouterBuilder.create()
            .provider("noop", new NoopProvider())
            .deadLetters(new RecordingDeadLetterSink())
            .maxInFlight(maxInFlight)
            .dedupWindow(Duration.ofSeconds(10))
            .route(
                route.equals("direct")
                    ? Map.of("consume", "cleanup")
                    : Map.of("consume", "publish", "publish", "cleanup"))
            .build();
    records = new ArrayList<>(names);
    for (int i = 0; i < names; i++) {
      records.add(
          RecordSet.of(
              "host" + i + ".bench.example.",
              RecordType.A,
              300,
              "10.0." + (i / 250) % 250 + "." + (i % 250 + 1)));
    }
  }

  private long cpuAtStart;
  private long messagesAtStart;
  private long messagesDone;

  /** Notes the process CPU time, to report messages per CPU-second (load-independent). */
  @Setup(Level.Iteration)
  public void markCpu() {
    cpuAtStart = cpuNanos();
    messagesAtStart = messagesDone;
  }

  /** Prints messages per CPU-second of the whole process (GC and JIT included). */
  @TearDown(Level.Iteration)
  public void reportCpu() {
    double cpu = (cpuNanos() - cpuAtStart) / 1e9;
    long calls = NoopProvider.CALLS.getAndSet(0);
    System.out.printf(
        " [%.0f msgs per CPU-second, %.1f changes per apply]",
        (messagesDone - messagesAtStart) / cpu,
        calls == 0 ? 0.0 : (messagesDone - messagesAtStart) / (double) calls);
  }

  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Setup(Level.Invocation)
  public void makeMessages() {
    round++;
    messages = new ArrayList<>(BATCH);
    for (int i = 0; i < BATCH; i++) {
      DnsEvent e =
          DnsEvent.of(
              Action.ADDITIONS,
              T0.plusMillis(round * (long) BATCH + i),
              List.of(records.get(i % names)));
      messages.add(EventMessage.create(round + "-" + i, e, "consume", T0, Map.of()));
    }
    remaining.set(BATCH);
    done = new CountDownLatch(1);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void route() throws InterruptedException {
    CountDownLatch latch = done;
    for (EventMessage m : messages) {
      router.submit(
          m,
          (id, outcome, history) -> {
            if (!(outcome instanceof Outcome.Applied)) {
              throw new IllegalStateException(id + " " + outcome);
            }
            if (remaining.decrementAndGet() == 0) {
              latch.countDown();
            }
          },
          Duration.ZERO);
    }
    if (!latch.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException("not all messages settled: " + remaining.get());
    }
    messagesDone += BATCH;
  }

  /** Applies nothing, instantly. */
  static final class NoopProvider implements DnsProvider {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public Set<String> zones() {
      return Set.of("bench.example.");
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      CALLS.incrementAndGet();
      List<ChangeResult> out = new ArrayList<>(changes.size());
      for (Change c : changes) {
        out.add(new ChangeResult.Applied(c));
      }
      return out;
    }

    @Override
    public Optional<RecordSet> read(String name, RecordType type) {
      return Optional.empty();
    }

    @Override
    public List<RecordSet> list(String zone) {
      return List.of();
    }
  }
}
