package io.gordon.benchmarks.rfc2136;

import io.gordon.benchmarks.local.InProcessService;
import io.gordon.testing.dns.BindServer;
import java.io.IOException;

/**
 * The whole gordon service, in this process, as {@code gordon run} starts it from a {@code
 * gordon.toml}: {@code local.http} (events spooled and fsynced before the answer) routed to {@code
 * rfc2136} publishing to {@code bind}.
 */
final class GordonService implements AutoCloseable {
  private final InProcessService service;
  private final int httpPort;

  /**
   * {@code max_batches_in_flight = N} when {@code GORDON_BENCH_RFC2136_BATCHES} is set (to compare
   * values in alternating runs of the same build), else nothing: the provider's default.
   */
  private static String batchesInFlight() {
    String n = System.getenv("GORDON_BENCH_RFC2136_BATCHES");
    return n == null ? "" : "max_batches_in_flight = " + Integer.parseInt(n.trim());
  }

  /**
   * {@code [core.ownership] enabled = false} when {@code GORDON_BENCH_OWNERSHIP=off}: the service
   * sending gordon's ownership-off shape, to set beside BIND's ceiling for it ({@link Ceiling}).
   */
  private static String ownership() {
    return "off".equals(System.getenv("GORDON_BENCH_OWNERSHIP"))
        ? "[core.ownership]\nenabled = false"
        : "";
  }

  GordonService(BindServer bind, int maxInFlight) throws IOException {
    httpPort = InProcessService.freePort();
    service =
        InProcessService.start(
            "gordon-bench-",
            root ->
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
        %s
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
                        ownership(),
                        httpPort,
                        root.resolve("spool"),
                        bind.hostPort(),
                        bind.zones().get(0),
                        bind.key().name(),
                        bind.key().secret(),
                        batchesInFlight()));
  }

  /** {@code http://127.0.0.1:PORT/v1/events}. */
  String eventsUrl() {
    return "http://127.0.0.1:" + httpPort + "/v1/events";
  }

  @Override
  public void close() throws IOException {
    service.close();
  }
}
