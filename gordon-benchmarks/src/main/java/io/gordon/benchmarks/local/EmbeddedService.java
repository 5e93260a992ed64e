package io.gordon.benchmarks.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded default in this process, as {@code gordon run} starts it from the repository's
 * {@code gordon.toml}: {@code local.http} -> router -> {@code local.zonefile} for {@code
 * example.com.}, in a temporary directory (admin server off, logging at warn).
 */
final class EmbeddedService implements AutoCloseable, HttpLoadBenchmark.Target {
  final Path root;
  private final int port;
  private final Path spool;
  private final InProcessService service;

  /**
   * Starts the service; with {@code zoneFile} false the route is consume -> cleanup, so the zone
   * file (loaded, as the config requires a provider) is never called: that measures local.http, its
   * spool and the router alone.
   */
  EmbeddedService(boolean zoneFile) throws IOException {
    port = InProcessService.freePort();
    String plugins = "\"local.http\", \"local.zonefile\"";
    // -Dgordon.bench.spool=/dev/shm puts the spool on tmpfs: gordon's own cost without the
    // disk's fsync, the zone file staying where it is.
    String spoolParent = System.getProperty("gordon.bench.spool");
    String spoolDir =
        spoolParent == null
            ? "var/spool/http"
            : Files.createTempDirectory(Path.of(spoolParent), "gordon-spool-").toString();
    this.spool = spoolParent == null ? null : Path.of(spoolDir);
    String route =
        zoneFile ? "consume = \"publish\"\npublish = \"cleanup\"\n" : "consume = \"cleanup\"\n";
    String toml =
        """
        [core]
        plugins = [%s]
        max_msg_age = "300s"
        [core.route]
        %s
        [core.dead_letter]
        path = "var/dead-letters.jsonl"
        [core.admin]
        enabled = false
        [core.logging]
        level = "warn"
        [local.http]
        listen = "127.0.0.1:%d"
        directory = "%s"
        [local.zonefile]
        directory = "var/zones"
        zones = ["example.com."]
        default_ttl = 300
        """
            .formatted(plugins, route, port, spoolDir);
    service = InProcessService.start("gordon-http-bench-", dir -> toml);
    root = service.root();
  }

  @Override
  public int port() {
    return port;
  }

  /** This whole JVM's CPU time: the service's and the in-process client's. */
  @Override
  public long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  @Override
  public String gcSince(Gc g, int requests) {
    return g.since(requests);
  }

  @Override
  public String zone() throws IOException {
    Path z = root.resolve("var/zones/example.com.zone");
    return Files.exists(z) ? Files.readString(z) : "";
  }

  @Override
  public void close() throws IOException {
    service.close();
    if (spool != null) {
      InProcessService.delete(spool);
    }
  }
}
