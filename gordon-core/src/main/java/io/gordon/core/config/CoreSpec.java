package io.gordon.core.config;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.Rule;
import io.gordon.api.model.OwnerMarker;
import io.gordon.core.ownership.NamePattern;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key of the {@code [core]} table and its sub-tables, declared once. The validator checks
 * them like plugin keys and the configuration reference is generated from them.
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

  /** {@code [core.logging]}. */
  public static final ConfigSpec LOGGING =
      ConfigSpec.builder()
          .optional(
              "level",
              ConfigType.STRING,
              "info",
              Rule.oneOf(
                  "debug",
                  "info",
                  "warning",
                  "warn",
                  "error",
                  "critical",
                  "DEBUG",
                  "INFO",
                  "WARNING",
                  "WARN",
                  "ERROR",
                  "CRITICAL"),
              "Log level, as in Python's logging (case-insensitive).")
          .optional(
              "handlers",
              ConfigType.STRING_LIST,
              null,
              Rule.any(),
              "Any of \"stream\", \"syslog\", \"stackdriver\". Default: [\"stream\"] when standard "
                  + "error is a terminal, else [\"syslog\"] as the original.")
          .optional(
              "fmt",
              ConfigType.STRING,
              null,
              Rule.any(),
              "Line format in Python %(name)s notation, e.g. \"%(asctime)s %(levelname)s: "
                  + "%(message)s\".")
          .add(
              new ConfigKey(
                  "date_fmt",
                  ConfigType.STRING,
                  false,
                  Optional.empty(),
                  Rule.any(),
                  "strftime date format for %(asctime)s, e.g. \"%Y-%m-%dT%H:%M:%S\".",
                  List.of("datefmt")))
          .optional(
              "address",
              ConfigType.STRING_LIST,
              null,
              Rule.any(),
              "Syslog destination: [host, port], or a socket path (default /dev/log, or "
                  + "SYSLOG_HOST/SYSLOG_PORT).")
          .optional(
              "proto",
              ConfigType.STRING,
              "udp",
              Rule.oneOf("udp", "tcp", "1", "2"),
              "Syslog transport: \"udp\" or \"tcp\" (the original's 2 and 1 are accepted).")
          .optional(
              "facility",
              ConfigType.STRING,
              "local0",
              Rule.any(),
              "Syslog facility, e.g. \"local0\", \"daemon\".")
          .build();

  /** {@code [core.ownership]}: see docs/ownership.md. */
  public static final ConfigSpec OWNERSHIP =
      ConfigSpec.builder()
          .optional(
              "enabled",
              ConfigType.BOOLEAN,
              true,
              Rule.any(),
              "Record which RRsets this gordon owns with a TXT marker written in the same atomic "
                  + "change as the record (see docs/ownership.md), and never replace or delete an "
                  + "existing RRset it does not own. false: no markers, no checks.")
          .optional(
              "owner_id",
              ConfigType.STRING,
              "gordon",
              Rule.matching(
                  OwnerMarker.OWNER_ID.pattern(),
                  "a lower-case letter or digit, then up to 62 of a-z, 0-9, '.', '_', '-'"),
              "Owner id written in markers. Deployments sharing a zone need different ids; they "
                  + "never touch each other's records.")
          .optional(
              "adopt",
              ConfigType.STRING_LIST,
              List.of(),
              Rule.of(NamePattern.RULE, NamePattern::validList),
              "Names gordon may take over when it first replaces them although they have no marker "
                  + "(e.g. records of the original gordon); \"*.example.com\" matches every name "
                  + "below example.com.")
          .optional(
              "protected",
              ConfigType.STRING_LIST,
              List.of(),
              Rule.of(NamePattern.RULE, NamePattern::validList),
              "Names gordon never changes, on top of the apex SOA and NS and the glue A/AAAA of "
                  + "in-zone name servers, which are always protected.")
          .optional(
              "delete_threshold",
              ConfigType.NUMBER,
              0.30,
              Rule.between(0, 1),
              "Deletion circuit breaker: when more than this fraction of a zone's owned RRsets "
                  + "would be deleted within the window, further deletions are dead-lettered with "
                  + "the reason and /readyz reports it.")
          .optional(
              "min_records",
              ConfigType.INTEGER,
              10L,
              Rule.between(0, Integer.MAX_VALUE),
              "The breaker applies only to zones with at least this many owned RRsets.")
          .optional(
              "window",
              ConfigType.DURATION,
              Duration.ofMinutes(10),
              Rule.durationAtLeast(1),
              "Sliding window over which the live path counts deletions per zone.")
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
        LOGGING,
        "core.ownership",
        OWNERSHIP);
  }
}
