package io.gordon.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How configuration values are written as TOML text, for messages and the reference. */
public final class ConfigText {
  private static final Pattern DURATION =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?\\s*");

  private ConfigText() {}

  /**
   * Parses a duration as the configuration writes it: a non-negative number of seconds ({@code
   * Long} or {@code Double}), or a string such as {@code "250ms"}, {@code "30s"}, {@code "5m"},
   * {@code "1h"}.
   *
   * @return the duration; empty when {@code v} is not one
   */
  public static Optional<Duration> parseDuration(Object v) {
    if (v instanceof Long l) {
      return l >= 0 ? Optional.of(Duration.ofSeconds(l)) : Optional.empty();
    }
    if (v instanceof Double d) {
      return d >= 0 && d < 1e12
          ? Optional.of(Duration.ofNanos(Math.round(d * 1e9)))
          : Optional.empty();
    }
    if (v instanceof String s) {
      Matcher m = DURATION.matcher(s);
      if (!m.matches() || (m.group(2) == null && !m.group(1).matches("0+"))) {
        return Optional.empty();
      }
      double amount = Double.parseDouble(m.group(1));
      long unitNanos =
          switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            default -> 3_600_000_000_000L;
          };
      return amount * unitNanos < 9e18
          ? Optional.of(Duration.ofNanos(Math.round(amount * unitNanos)))
          : Optional.empty();
    }
    return Optional.empty();
  }

  /**
   * A value as it would be written in TOML: strings quoted, lists and tables (maps) inline,
   * durations in their shortest form, {@link HostPort} as a string.
   */
  public static String repr(Object v) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ConfigText::repr).toList().toString();
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty()
          ? "{}"
          : "{ "
              + String.join(
                  ", ",
                  m.entrySet().stream().map(e -> e.getKey() + " = " + repr(e.getValue())).toList())
              + " }";
    }
    if (v instanceof Duration d) {
      return quote(formatDuration(d));
    }
    if (v instanceof HostPort h) {
      return quote(h.toString());
    }
    return String.valueOf(v);
  }

  /** A duration in the shortest of the accepted forms, e.g. {@code 30s}, {@code 250ms}. */
  public static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms % 3_600_000 == 0 && ms > 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0 && ms > 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /** A TOML basic string. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return sb.append('"').toString();
  }
}
