package io.gordon.benchmarks.names;

import io.gordon.api.model.DnsNames;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@link DnsNames#normalize} against {@link OldDnsNames} (before the fast path) in the same run.
 * {@code normal} is the common case (zone lookup, owner markers, providers): a name already lower
 * case and absolute; {@code mixed} needs the slow path in both. Run with {@code -prof gc} for B/op.
 * On a loaded machine ns/op is wall time shared with other processes; each iteration therefore also
 * prints the benchmark thread's CPU time per call, which load changes far less.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NamesBenchmark {
  @Param({"normal", "mixed"})
  String kind;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private String name;
  private long calls;
  private long cpuAtStart;

  @Setup
  public void setUp() {
    name =
        switch (kind) {
          case "normal" -> "_gordon-a-host-0042.bench.example.com.";
          case "mixed" -> "Host-0042.Bench.Example.com";
          default -> throw new IllegalArgumentException("unknown kind \"" + kind + "\"");
        };
  }

  @Setup(Level.Iteration)
  public void startIteration() {
    calls = 0;
    cpuAtStart = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void endIteration() {
    long cpu = THREADS.getCurrentThreadCpuTime() - cpuAtStart;
    System.out.printf(
        Locale.ROOT, "  (%s: %.1f ns CPU per call)%n", kind, (double) cpu / Math.max(1, calls));
  }

  @Benchmark
  public String current() {
    calls++;
    return DnsNames.normalize(name);
  }

  @Benchmark
  public String old() {
    calls++;
    return OldDnsNames.normalize(name);
  }
}
