package io.gordon.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated {@code [core]} configuration in typed form; built by the config loader from {@link
 * CoreSpec}, read by the router, the delivery layer and the admin server.
 *
 * @param configRoot directory of gordon.toml; relative paths resolve against it
 * @param plugins names from core.plugins
 * @param debug core.debug
 * @param metrics core.metrics
 * @param route core.route, phase to next phase
 * @param maxInFlight core.max_in_flight
 * @param shutdownTimeout core.shutdown_timeout
 * @param maxMsgAge core.max_msg_age; zero disables
 * @param maxClockSkew core.max_clock_skew: how far ahead of this host's clock an event's timestamp
 *     may be at intake
 * @param dedupWindow core.dedup_window
 * @param healthThreshold core.health_threshold
 * @param retry core.retry
 * @param deadLetterPath core.dead_letter.path, resolved
 * @param admin core.admin
 * @param events core.events
 * @param logging core.logging
 */
public record CoreSettings(
    Path configRoot,
    List<String> plugins,
    boolean debug,
    String metrics,
    Map<String, String> route,
    int maxInFlight,
    Duration shutdownTimeout,
    Duration maxMsgAge,
    Duration maxClockSkew,
    Duration dedupWindow,
    Duration healthThreshold,
    Retry retry,
    Path deadLetterPath,
    Admin admin,
    Events events,
    Logging logging) {

  /** Copies collections. */
  public CoreSettings {
    Objects.requireNonNull(configRoot, "configRoot == null");
    plugins = List.copyOf(plugins);
    route = Map.copyOf(route);
  }

  /** core.retry. */
  public record Retry(int attempts, Duration initialDelay, Duration maxDelay, Duration deadline) {}

  /** core.admin; {@code listen} is host:port. */
  public record Admin(boolean enabled, String listen) {}

  /** core.events: TTL bounds for incoming events. */
  public record Events(int minTtl, int maxTtl) {}

  /**
   * core.logging.
   *
   * @param level upper-case level
   * @param handlers empty means "choose by terminal"
   * @param fmt Python-style line format, if given
   * @param dateFmt strftime date format, if given
   * @param address syslog address: [host, port] or [path]; empty for the default
   * @param proto "udp" or "tcp"
   * @param facility syslog facility name
   */
  public record Logging(
      String level,
      List<String> handlers,
      Optional<String> fmt,
      Optional<String> dateFmt,
      List<String> address,
      String proto,
      String facility) {
    /** Copies collections. */
    public Logging {
      handlers = List.copyOf(handlers);
      address = List.copyOf(address);
    }
  }

  /** Defaults for every key, for tests and tools that need settings without a file. */
  public static CoreSettings defaults(Path configRoot) {
    return new CoreSettings(
        configRoot,
        List.of(),
        false,
        "metrics-logger",
        Map.of("consume", "publish", "publish", "cleanup"),
        1000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(300),
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(30),
        new Retry(5, Duration.ofMillis(200), Duration.ofSeconds(30), Duration.ofMinutes(10)),
        configRoot.resolve("var/dead-letters.jsonl"),
        new Admin(true, "127.0.0.1:9053"),
        new Events(60, 86400),
        new Logging(
            "INFO", List.of(), Optional.empty(), Optional.empty(), List.of(), "udp", "local0"));
  }
}
