package io.gordon.benchmarks.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code bin/gordon run} of the repository's {@code gordon.toml} (the embedded default) with
 * its two ports moved to free ones, in a temp directory, with the launcher's default JVM settings
 * (unless {@code GORDON_BENCH_JAVA_OPTS} is set). {@code GORDON_NO_BUILD=1}: bin/bench has built
 * the distribution, so the start is what an unpacked release does (no source check).
 */
final class GordonProcess implements AutoCloseable {
  /** {@code GORDON_BENCH_JAVA_OPTS}: JVM options for experiments, passed as GORDON_JAVA_OPTS. */
  static final String EXTRA_OPTS = System.getenv("GORDON_BENCH_JAVA_OPTS");

  final int httpPort;
  final long startedNanos;
  private final Process process;
  private final Path dir;
  private final CompletableFuture<Long> started = new CompletableFuture<>();
  private volatile double readyCpuMillis = Double.NaN;

  private GordonProcess(Path root) throws IOException {
    dir = Files.createTempDirectory("gordon-bench-run-");
    httpPort = freePort();
    String toml =
        Files.readString(root.resolve("gordon.toml"))
            .replace("127.0.0.1:8053", "127.0.0.1:" + httpPort)
            .replace("127.0.0.1:9053", "127.0.0.1:" + freePort());
    Files.writeString(dir.resolve("gordon.toml"), toml);
    ProcessBuilder pb =
        new ProcessBuilder(root.resolve("bin/gordon").toString(), "run", "-c", dir.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true);
    pb.environment().put("GORDON_NO_BUILD", "1");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("GORDON_JAVA_OPTS");
    if (EXTRA_OPTS != null) { // experiments only: the table says when they were set
      pb.environment().put("GORDON_JAVA_OPTS", EXTRA_OPTS);
    }
    startedNanos = System.nanoTime();
    process = pb.start();
    Thread.ofPlatform().daemon().start(this::readOutput);
  }

  /**
   * Starts it and waits for "gordon started" (at most 180 s: a start after a build first trains the
   * start-up archive).
   */
  static GordonProcess start(Path root) throws Exception {
    GordonProcess p = new GordonProcess(root);
    try {
      p.started.get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      p.close();
      throw new IllegalStateException(
          "bin/gordon run did not log \"gordon started\" within" + " 180 s: " + e, e);
    }
    return p;
  }

  /** The process id (bash execs java, so it is the JVM's). */
  long pid() {
    return process.pid();
  }

  /** " (GORDON_JAVA_OPTS=...)" when the launcher's defaults were changed, else "". */
  static String optsNote() {
    return EXTRA_OPTS == null ? "" : " (GORDON_JAVA_OPTS=" + EXTRA_OPTS + ")";
  }

  /** Milliseconds from launching bin/gordon to its "gordon started" line. */
  double readyMillis() throws Exception {
    return (started.get() - startedNanos) / 1e6;
  }

  /**
   * CPU time (user + system, all threads) the JVM had used when it logged "gordon started": unlike
   * the wall time, it hardly depends on what else the machine runs.
   */
  double readyCpuMillis() {
    return readyCpuMillis;
  }

  /** Its working directory: gordon.toml and var/ (spool, zone files). */
  Path dir() {
    return dir;
  }

  /** utime + stime from /proc/pid/stat (fields 14 and 15, in clock ticks of 10 ms). */
  double cpuMillis() {
    try {
      String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** A field of /proc/pid/status in MB (VmRSS, VmHWM); bash execs java, so pid is the JVM. */
  double statusMb(String field) throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (l.startsWith(field + ":")) {
        return Double.parseDouble(l.substring(field.length() + 1).replace("kB", "").trim()) / 1024;
      }
    }
    throw new IllegalStateException("no " + field + " in /proc/" + process.pid() + "/status");
  }

  private void readOutput() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      StringBuilder log = new StringBuilder();
      for (String l; (l = r.readLine()) != null; ) {
        if (l.contains("gordon started")) {
          long at = System.nanoTime();
          readyCpuMillis = cpuMillis();
          started.complete(at);
        }
        if (log.length() < 20_000) {
          log.append(l).append('\n');
        }
      }
      started.completeExceptionally(
          new IllegalStateException("exited with " + process.waitFor() + ":\n" + log));
    } catch (IOException | InterruptedException e) {
      started.completeExceptionally(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
