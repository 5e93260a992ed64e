package io.gordon.testing.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Kafka broker for tests and benchmarks: {@code bin/kafka-broker} run as a child process on
 * a free loopback port with a temporary directory. {@link #start} returns once the broker printed
 * {@code kafka-broker ready} (its topics exist); {@link #close()} stops it with SIGTERM (SIGKILL
 * after 20 s) and deletes the directory. Start one per test class: it takes seconds.
 *
 * <pre>{@code
 * try (KafkaBroker kafka = KafkaBroker.start(Map.of("dns-events", 6))) {
 *   kafka.bootstrap();   // "127.0.0.1:PORT"
 * }
 * }</pre>
 */
public final class KafkaBroker implements AutoCloseable {
  /** How long the broker may take to print its ready line (a loaded 2-core machine is slow). */
  public static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

  private final Path dir;
  private final int port;
  private final Process process;

  private KafkaBroker(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** Starts a broker with {@code topics} (name to partition count) created. */
  public static KafkaBroker start(Map<String, Integer> topics) {
    Path script = repositoryRoot().resolve("bin/kafka-broker");
    Path dir;
    try {
      dir = Files.createTempDirectory("gordon-kafka-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp dir", e);
    }
    int port = freePort();
    List<String> cmd =
        new ArrayList<>(
            List.of(script.toString(), "--port", Integer.toString(port), "--dir", dir.toString()));
    topics.forEach((name, partitions) -> cmd.addAll(List.of("--topic", name + ":" + partitions)));
    Path log = dir.resolve("broker.log");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("KAFKA_BROKER_NO_BUILD", "1");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + cmd + ": " + e.getMessage(), e);
    }
    KafkaBroker broker = new KafkaBroker(dir, port, p);
    Runtime.getRuntime().addShutdownHook(new Thread(broker::stopProcess));
    broker.awaitReady(log);
    return broker;
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (!log().contains("kafka-broker ready")) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "bin/kafka-broker exited with status "
                + process.exitValue()
                + " before it was ready; "
                + log
                + ":\n"
                + log());
      }
      if (System.nanoTime() > deadline) {
        stopProcess();
        throw new IllegalStateException(
            "bin/kafka-broker was not ready within " + READY_TIMEOUT + "; " + log + ":\n" + log());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the broker", e);
      }
    }
  }

  /** {@code 127.0.0.1:PORT}, for {@code bootstrap.servers}. */
  public String bootstrap() {
    return "127.0.0.1:" + port;
  }

  /** The broker process id. */
  public long pid() {
    return process.pid();
  }

  /** What the broker printed so far. */
  public String log() {
    try {
      Path log = dir.resolve("broker.log");
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "(cannot read the broker's log: " + e.getMessage() + ")";
    }
  }

  /** Stops the broker (SIGTERM, then SIGKILL after 20 s) and deletes its directory. */
  @Override
  public void close() {
    stopProcess();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temp dir is harmless
    }
  }

  private void stopProcess() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The checkout holding {@code bin/kafka-broker}: the working directory or a parent of it. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isExecutable(p.resolve("bin/kafka-broker"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "bin/kafka-broker not found in " + Path.of("").toAbsolutePath() + " or its parents");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a loopback socket", e);
    }
  }

  @Override
  public String toString() {
    return "kafka-broker@" + bootstrap() + " (pid " + process.pid() + ")";
  }
}
