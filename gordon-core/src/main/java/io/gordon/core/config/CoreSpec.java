package io.gordon.core.config;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Rule;
import io.gordon.core.logging.LoggingSpec;
import io.gordon.core.ownership.OwnershipSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every key of the {@code [core]} table and its sub-tables, declared once. The validator checks
 * them like plugin keys and the configuration reference is generated from them. The two largest
 * sub-tables are declared beside what reads them: {@link LoggingSpec}, {@link OwnershipSpec}.
 */
public final class CoreSpec {
  private CoreSpec() {}

  /** {@code [core]}. */
  public static final ConfigSpec CORE =
      ConfigSpec.builder()
          .optional(
              "plugins",
              ConfigType.STRING_LIST,
              List.of(),
              Rule.any(),
              "Plugins to start, by name (e.g. \"local.http\", \"gcp.event_consumer\"). Only listed "
                  + "plugins are created, even if other tables exist.")
          .optional(
              "debug",
              ConfigType.BOOLEAN,
              false,
              Rule.any(),
              "When true, a plugin that is missing, fails to construct or has invalid config is "
                  + "logged as a warning and skipped; when false the service exits with status 2.")
          .optional(
              "metrics",
              ConfigType.STRING,
              "metrics-logger",
              Rule.nonEmpty(),
              "Metric relay: \"metrics-logger\", \"ffwd\", \"prometheus\" or an installed relay "
                  + "plugin. Its settings are read from the top-level table of the same name.")
          .optional(
              "route",
              ConfigType.TABLE,
              Map.of(),
              Rule.any(),
              "Phase route: each key is a phase, its value the next phase, e.g. consume = "
                  + "\"enrich\", enrich = \"publish\", publish = \"cleanup\".")
          .optional(
              "max_in_flight",
              ConfigType.INTEGER,
              1000L,
              Rule.between(1, 1_000_000),
              "Most messages in flight at once; sources block (back-pressure) beyond it.")
          .optional(
              "shutdown_timeout",
              ConfigType.DURATION,
              Duration.ofSeconds(30),
              Rule.durationAtLeast(0),
              "How long SIGTERM waits for in-flight messages before " + "nacking the rest.")
          .optional(
              "max_msg_age",
              ConfigType.DURATION,
              Duration.ofSeconds(300),
              Rule.durationAtLeast(0),
              "Events older than this when received are dead-lettered "
                  + "(0 disables). A source's own max_msg_age (a key every source accepts) overrides "
                  + "it. Checked once, at intake: an accepted event is retried until "
                  + "core.retry.deadline instead.")
          .optional(
              "max_clock_skew",
              ConfigType.DURATION,
              Duration.ofMinutes(5),
              Rule.durationAtLeast(0),
              "Events timestamped further ahead of this host's clock "
                  + "are refused (dead-lettered) at intake.")
          .optional(
              "dedup_window",
              ConfigType.DURATION,
              Duration.ofMinutes(10),
              Rule.durationAtLeast(0),
              "How long a finished message id is remembered, so that a "
                  + "redelivered duplicate is not applied twice.")
          .optional(
              "health_threshold",
              ConfigType.DURATION,
              Duration.ofSeconds(30),
              Rule.durationAtLeast(0),
              "/readyz fails once a plugin has been unhealthy this long.")
          .build();

  /** {@code [core.retry]}. */
  public static final ConfigSpec RETRY =
      ConfigSpec.builder()
          .optional(
              "attempts",
              ConfigType.INTEGER,
              5L,
              Rule.between(1, 1000),
              "Tries per delivery of a message before it is handed back to the source (nack).")
          .optional(
              "initial_delay",
              ConfigType.DURATION,
              Duration.ofMillis(200),
              Rule.durationAtLeast(0),
              "Delay before the first retry; doubles each retry, with jitter.")
          .optional(
              "max_delay",
              ConfigType.DURATION,
              Duration.ofSeconds(30),
              Rule.durationAtLeast(0),
              "Longest delay between two tries.")
          .optional(
              "deadline",
              ConfigType.DURATION,
              Duration.ofMinutes(10),
              Rule.durationAtLeast(0),
              "A message still failing this long after it was created is "
                  + "dead-lettered instead of redelivered again.")
          .build();

  /** {@code [core.dead_letter]}. */
  public static final ConfigSpec DEAD_LETTER =
      ConfigSpec.builder()
          .optional(
              "path",
              ConfigType.STRING,
              "var/dead-letters.jsonl",
              Rule.nonEmpty(),
              "JSON-lines file (relative to the config directory) where messages that cannot be "
                  + "applied are appended and fsynced. Ignored when a dead-letter plugin is listed.")
          .build();

  /** {@code [core.admin]}. */
  public static final ConfigSpec ADMIN =
      ConfigSpec.builder()
          .optional(
              "enabled",
              ConfigType.BOOLEAN,
              true,
              Rule.any(),
              "Serve /healthz, /readyz and /metrics.")
          .optional(
              "listen",
              ConfigType.HOST_PORT,
              new HostPort("127.0.0.1", 9053),
              Rule.any(),
              "Address of the admin HTTP server (port 0 picks a free port).")
          .build();

  /** {@code [core.events]}. */
  public static final ConfigSpec EVENTS =
      ConfigSpec.builder()
          .optional(
              "min_ttl",
              ConfigType.INTEGER,
              60L,
              Rule.between(0, Integer.MAX_VALUE),
              "Smallest TTL an event may carry.")
          .optional(
              "max_ttl",
              ConfigType.INTEGER,
              86400L,
              Rule.between(0, Integer.MAX_VALUE),
              "Largest TTL an event may carry.")
          .build();

  /** The core tables and their specs, keyed by dotted table path. */
  public static Map<String, ConfigSpec> tables() {
    return Map.of(
        "core",
        CORE,
        "core.retry",
        RETRY,
        "core.dead_letter",
        DEAD_LETTER,
        "core.admin",
        ADMIN,
        "core.events",
        EVENTS,
        "core.logging",
        LoggingSpec.LOGGING,
        "core.ownership",
        OwnershipSpec.OWNERSHIP);
  }
}
