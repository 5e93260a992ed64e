package io.gordon.core.config;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigText;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Formats values and expectations for messages. Conversion itself happens in {@link
 * io.gordon.api.config.ConfigSpec#read}, the one code path the validator and the test doubles
 * share; {@link #plain} turns parsed TOML into the raw values it takes.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** A parsed TOML value with its tables (also inside lists) as plain maps. */
  public static Object plain(Object v) {
    if (v instanceof ConfigTable t) {
      return t.toPlainMap();
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(plain(x)));
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  /** Parses a duration: a number of seconds, or a string such as "250ms", "30s", "5m", "1h". */
  public static Optional<Duration> duration(Object v) {
    return ConfigText.parseDuration(v);
  }

  /** What a value of {@code type} under {@code rule} looks like, for "(expected ...)". */
  public static String expected(ConfigType type, Rule rule) {
    return new ConfigKey("x", type, false, Optional.empty(), rule, "", List.of()).expected();
  }

  /** A value as it would be written in TOML; tables inline. */
  public static String repr(Object v) {
    return ConfigText.repr(v instanceof ConfigTable || v instanceof List<?> ? plain(v) : v);
  }

  /** A duration in the shortest of the accepted forms, e.g. {@code 30s}, {@code 250ms}. */
  public static String formatDuration(Duration d) {
    return ConfigText.formatDuration(d);
  }

  /** A TOML basic string. */
  public static String quote(String s) {
    return ConfigText.quote(s);
  }
}
