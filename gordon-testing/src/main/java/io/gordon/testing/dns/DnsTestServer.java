package io.gordon.testing.dns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real authoritative DNS server started for tests and benchmarks: its own temporary directory, a
 * free loopback port (UDP and TCP), a generated TSIG key allowed to update and transfer every zone,
 * and a minimal zone file per zone. Started in the constructor of a subclass, which returns once
 * every zone answers its SOA; {@link #close()} stops the process by PID and deletes the directory.
 * Unsigned updates are refused (BIND answers REFUSED, Knot NOTAUTH).
 */
public abstract sealed class DnsTestServer implements AutoCloseable permits BindServer, KnotServer {
  /** How long a server may take to answer its first SOA query. */
  public static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

  private final String kind;
  private final List<String> zones;
  private final TsigKey key;
  private final Path dir;
  private Process process;
  private int port;
  private List<String> command;

  DnsTestServer(String kind, List<String> zones, TsigKey key) {
    this.kind = kind;
    this.zones = zones.stream().map(ServerSupport::absolute).toList();
    this.key = Objects.requireNonNull(key, "key == null");
    this.dir = ServerSupport.tempDir("gordon-" + kind + "-");
  }

  /** Writes the configuration for {@code port} into {@link #dir()} and returns the command. */
  abstract List<String> configure(Path dir, int port);

  /** Starts the server; retries on another port when the chosen one was taken meanwhile. */
  final void launch() {
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      port = ServerSupport.freePort();
      command = configure(dir, port);
      Path log = dir.resolve(kind + ".log");
      try {
        process =
            new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(this::stopProcess));
      try {
        awaitReady(log);
        return;
      } catch (IllegalStateException e) {
        stopProcess();
        last = e;
      }
    }
    throw last;
  }

  private void awaitReady(Path log) {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    for (String zone : zones) {
      while (!answersSoa(zone)) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              kind
                  + " exited with status "
                  + process.exitValue()
                  + " before serving "
                  + zone
                  + "; log "
                  + log
                  + ":\n"
                  + ServerSupport.tail(log, 30));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              kind
                  + " did not answer the SOA of "
                  + zone
                  + " on "
                  + hostPort()
                  + " within "
                  + READY_TIMEOUT
                  + "; log:\n"
                  + ServerSupport.tail(log, 30));
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for " + kind, e);
        }
      }
    }
  }

  private boolean answersSoa(String zone) {
    try {
      SimpleResolver r = new SimpleResolver(address());
      r.setTimeout(Duration.ofMillis(200));
      Message m =
          r.send(Message.newQuery(Record.newRecord(Name.fromString(zone), Type.SOA, DClass.IN)));
      return m.getRcode() == Rcode.NOERROR && !m.getSection(Section.ANSWER).isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** The server's loopback address. */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** {@code 127.0.0.1:PORT}, as the rfc2136 provider's {@code server} key takes it. */
  public String hostPort() {
    return address().getAddress().getHostAddress() + ":" + port;
  }

  /** The port, for UDP and TCP. */
  public int port() {
    return port;
  }

  /** The zones served, absolute and lower case. */
  public List<String> zones() {
    return zones;
  }

  /** The TSIG key allowed to update and transfer every zone. */
  public TsigKey key() {
    return key;
  }

  /** The server's working directory (config, zone files, log). */
  public Path dir() {
    return dir;
  }

  /** The server process id. */
  public long pid() {
    return process.pid();
  }

  /** Whether the process is still running. */
  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The server's log so far. */
  public String log() {
    return ServerSupport.tail(dir.resolve(kind + ".log"), Integer.MAX_VALUE);
  }

  /**
   * Stops the process as {@link #close()} does but keeps its directory (config, zone files,
   * journal), so {@link #restart()} can bring the same server back: a real outage, not a pause.
   */
  public void stop() {
    stopProcess();
  }

  /**
   * Starts a {@link #stop() stopped} server again with the same command on the same port and waits
   * until every zone answers its SOA; the zones keep what was written before the stop.
   */
  public void restart() {
    if (isRunning()) {
      throw new IllegalStateException(this + " is still running; stop() it before restart()");
    }
    Path log = dir.resolve(kind + ".log");
    try {
      process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart " + command + ": " + e.getMessage(), e);
    }
    awaitReady(log);
  }

  /** Stops the server by PID (SIGTERM, then SIGKILL after 5 s) and deletes its directory. */
  @Override
  public void close() {
    stopProcess();
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a leftover temp dir is harmless
    }
  }

  private void stopProcess() {
    if (process == null) {
      return;
    }
    ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return kind + "@" + hostPort() + " (pid " + (process == null ? "-" : process.pid()) + ")";
  }
}
