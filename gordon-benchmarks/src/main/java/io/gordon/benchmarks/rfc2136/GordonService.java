package io.gordon.benchmarks.rfc2136;

import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.RawConfig;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.GordonRuntime;
import io.gordon.testing.dns.BindServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The whole gordon service, in this process, as {@code gordon run} starts it from a {@code
 * gordon.toml}: {@code local.http} (events spooled and fsynced before the answer) routed to {@code
 * rfc2136} publishing to {@code bind}.
 */
final class GordonService implements AutoCloseable {
  private final GordonRuntime runtime;
  private final int httpPort;
  private final Path root;

  /**
   * {@code max_batches_in_flight = N} when {@code GORDON_BENCH_RFC2136_BATCHES} is set (to compare
   * values in alternating runs of the same build), else nothing: the provider's default.
   */
  private static String batchesInFlight() {
    String n = System.getenv("GORDON_BENCH_RFC2136_BATCHES");
    return n == null ? "" : "max_batches_in_flight = " + Integer.parseInt(n.trim());
  }

  GordonService(BindServer bind, int maxInFlight) throws IOException {
    root = Files.createTempDirectory("gordon-bench-");
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      httpPort = s.getLocalPort();
    }
    Files.writeString(
        root.resolve("gordon.toml"),
        """
        [core]
        plugins = ["local.http", "rfc2136"]
        max_in_flight = %d
        max_msg_age = "0s"
        [core.route]
        consume = "publish"
        publish = "cleanup"
        [core.dead_letter]
        path = "%s"
        [core.admin]
        enabled = false
        [core.logging]
        level = "warn"
        [local.http]
        listen = "127.0.0.1:%d"
        directory = "%s"
        [rfc2136]
        server = "%s"
        zones = ["%s"]
        tsig_key_name = "%s"
        tsig_secret = "%s"
        %s
        [metrics-logger]
        log_level = "debug"
        """
            .formatted(
                maxInFlight,
                root.resolve("dead-letters.jsonl"),
                httpPort,
                root.resolve("spool"),
                bind.hostPort(),
                bind.zones().get(0),
                bind.key().name(),
                bind.key().secret(),
                batchesInFlight()));
    RawConfig raw = ConfigFiles.load(root);
    PluginLoader.Loaded loaded =
        new PluginLoader(PluginCatalog.discover(raw.root()), Clock.systemUTC(), System::getenv)
            .load(raw, PluginLoader.Mode.RUN);
    runtime = GordonRuntime.start(loaded.assembly(), Clock.systemUTC());
  }

  /** {@code http://127.0.0.1:PORT/v1/events}. */
  String eventsUrl() {
    return "http://127.0.0.1:" + httpPort + "/v1/events";
  }

  @Override
  public void close() throws IOException {
    runtime.close();
    try (var files = Files.walk(root)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
