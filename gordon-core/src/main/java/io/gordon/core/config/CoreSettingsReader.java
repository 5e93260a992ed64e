package io.gordon.core.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Builds {@link CoreSettings} from the validated values of the core tables. */
final class CoreSettingsReader {
  private final Map<String, Map<String, Object>> tables;

  /**
   * @param tables dotted core table path to its validated values (defaults included)
   */
  CoreSettingsReader(Map<String, Map<String, Object>> tables) {
    this.tables = tables;
  }

  CoreSettings read(Path root, Map<String, String> route) {
    return new CoreSettings(
        root,
        strings("core", "plugins"),
        bool("core", "debug"),
        str("core", "metrics"),
        route,
        Math.toIntExact(lng("core", "max_in_flight")),
        dur("core", "shutdown_timeout"),
        dur("core", "max_msg_age"),
        dur("core", "max_clock_skew"),
        dur("core", "dedup_window"),
        dur("core", "health_threshold"),
        new CoreSettings.Retry(
            Math.toIntExact(lng("core.retry", "attempts")),
            dur("core.retry", "initial_delay"),
            dur("core.retry", "max_delay"),
            dur("core.retry", "deadline")),
        root.resolve(str("core.dead_letter", "path")).normalize(),
        new CoreSettings.Admin(
            bool("core.admin", "enabled"), String.valueOf(get("core.admin", "listen"))),
        new CoreSettings.Events(
            Math.toIntExact(lng("core.events", "min_ttl")),
            Math.toIntExact(lng("core.events", "max_ttl"))),
        logging());
  }

  private CoreSettings.Logging logging() {
    String proto = str("core.logging", "proto");
    proto =
        switch (proto) {
          case "1" -> "tcp";
          case "2" -> "udp";
          default -> proto;
        };
    return new CoreSettings.Logging(
        str("core.logging", "level").toUpperCase(Locale.ROOT),
        opt("core.logging", "handlers")
            .map(v -> strings("core.logging", "handlers"))
            .orElse(List.of()),
        opt("core.logging", "fmt").map(String.class::cast),
        opt("core.logging", "date_fmt").map(String.class::cast),
        opt("core.logging", "address")
            .map(v -> strings("core.logging", "address"))
            .orElse(List.of()),
        proto,
        str("core.logging", "facility"));
  }

  private Optional<Object> opt(String table, String key) {
    return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(key));
  }

  private Object get(String table, String key) {
    return opt(table, key)
        .orElseThrow(
            () -> new IllegalStateException("core setting " + table + "." + key + " has no value"));
  }

  private String str(String table, String key) {
    return (String) get(table, key);
  }

  private boolean bool(String table, String key) {
    return (Boolean) get(table, key);
  }

  private long lng(String table, String key) {
    return (Long) get(table, key);
  }

  private Duration dur(String table, String key) {
    return (Duration) get(table, key);
  }

  @SuppressWarnings("unchecked")
  private List<String> strings(String table, String key) {
    return (List<String>) get(table, key);
  }
}
