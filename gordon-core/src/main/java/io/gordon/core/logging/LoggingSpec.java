package io.gordon.core.logging;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import java.util.List;
import java.util.Optional;

/** The keys of {@code [core.logging]}, in the configuration as the original gordon's. */
public final class LoggingSpec {
  private LoggingSpec() {}

  /** A level name as Python's logging takes it (also the metrics-logger's {@code log_level}). */
  public static final Rule LEVEL =
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
          "CRITICAL");

  /** {@code [core.logging]}. */
  public static final ConfigSpec LOGGING =
      ConfigSpec.builder()
          .optional(
              "level",
              ConfigType.STRING,
              "info",
              LEVEL,
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
}
