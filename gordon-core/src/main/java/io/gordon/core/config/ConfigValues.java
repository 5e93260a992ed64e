package io.gordon.core.config;

import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.config.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts raw TOML values to the Java forms of {@link ConfigType} and formats values and
 * expectations for messages.
 */
public final class ConfigValues {
  private static final Pattern DURATION =
      Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(ms|s|m|h)?\\s*");

  private ConfigValues() {}

  /**
   * The outcome of converting one value: the Java value, or the problem.
   *
   * @param value the converted value, when it converted
   * @param problem what is wrong, when it did not (never shows a secret)
   */
  public record Converted(Optional<Object> value, String problem) {
    static Converted ok(Object v) {
      return new Converted(Optional.of(v), "");
    }

    static Converted bad(String problem) {
      return new Converted(Optional.empty(), problem);
    }
  }

  /**
   * Converts {@code raw} to the Java form of {@code type}.
   *
   * @param root the config directory, for {@code { file = "..." }} secrets
   * @param env reads environment variables, for {@code { env = "..." }} secrets
   */
  public static Converted convert(ConfigType type, Object raw, Path root,
      Function<String, String> env) {
    Object v = raw;
    String invalid = "invalid value " + (type == ConfigType.SECRET ? "<redacted>" : repr(raw));
    switch (type) {
      case STRING -> {
        return v instanceof String ? Converted.ok(v) : Converted.bad(invalid);
      }
      case INTEGER -> {
        return v instanceof Long ? Converted.ok(v) : Converted.bad(invalid);
      }
      case NUMBER -> {
        return v instanceof Number n ? Converted.ok(n.doubleValue()) : Converted.bad(invalid);
      }
      case BOOLEAN -> {
        return v instanceof Boolean ? Converted.ok(v) : Converted.bad(invalid);
      }
      case DURATION -> {
        return duration(v).map(Converted::ok).orElse(Converted.bad(invalid));
      }
      case STRING_LIST -> {
        if (v instanceof String s) {
          return Converted.ok(List.of(s));
        }
        if (v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)) {
          return Converted.ok(List.copyOf(l));
        }
        return Converted.bad(invalid);
      }
      case LIST -> {
        return v instanceof List<?> l && l.stream().noneMatch(ConfigTable.class::isInstance)
            ? Converted.ok(List.copyOf(l)) : Converted.bad(invalid);
      }
      case TABLE -> {
        return v instanceof ConfigTable t ? Converted.ok(t.toPlainMap()) : Converted.bad(invalid);
      }
      case SECRET -> {
        return secret(v, root, env);
      }
      default -> throw new AssertionError(type);
    }
  }

  /** Parses a duration: a number of seconds, or a string such as "250ms", "30s", "5m", "1h". */
  public static Optional<Duration> duration(Object v) {
    if (v instanceof Long l) {
      return l >= 0 ? Optional.of(Duration.ofSeconds(l)) : Optional.empty();
    }
    if (v instanceof Double d) {
      return d >= 0 && d < 1e12 ? Optional.of(Duration.ofNanos(Math.round(d * 1e9)))
          : Optional.empty();
    }
    if (v instanceof String s) {
      Matcher m = DURATION.matcher(s);
      if (!m.matches() || (m.group(2) == null && !m.group(1).matches("0+"))) {
        return Optional.empty();
      }
      double amount = Double.parseDouble(m.group(1));
      long unitNanos = switch (m.group(2) == null ? "s" : m.group(2)) {
        case "ms" -> 1_000_000L;
        case "s" -> 1_000_000_000L;
        case "m" -> 60_000_000_000L;
        default -> 3_600_000_000_000L;
      };
      return amount * unitNanos < 9e18 ? Optional.of(Duration.ofNanos(
          Math.round(amount * unitNanos))) : Optional.empty();
    }
    return Optional.empty();
  }

  private static Converted secret(Object v, Path root, Function<String, String> env) {
    if (v instanceof String s) {
      return Converted.ok(new Secret(s, "inline"));
    }
    if (v instanceof ConfigTable t && t.entries().size() == 1) {
      Map.Entry<String, ConfigTable.Entry> e = t.entries().entrySet().iterator().next();
      if (!(e.getValue().value() instanceof String ref)) {
        return Converted.bad("invalid value " + repr(v));
      }
      if (e.getKey().equals("env")) {
        String value = env.apply(ref);
        return value == null || value.isEmpty()
            ? Converted.bad("environment variable " + ref + " is not set")
            : Converted.ok(new Secret(value, "env " + ref));
      }
      if (e.getKey().equals("file")) {
        Path p = root.resolve(ref);
        try {
          return Converted.ok(new Secret(Files.readString(p).stripTrailing(), "file " + p));
        } catch (IOException | RuntimeException ex) {
          return Converted.bad("cannot read secret file " + p + " ("
              + ex.getClass().getSimpleName() + ")");
        }
      }
    }
    return Converted.bad("invalid value " + (v instanceof ConfigTable ? repr(v) : "<redacted>"));
  }

  /** What a value of {@code type} under {@code rule} looks like, for "(expected ...)". */
  public static String expected(ConfigType type, Rule rule) {
    String base = switch (type) {
      case STRING -> "a string";
      case INTEGER -> "an integer";
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case DURATION -> "a duration: seconds, or a string such as \"250ms\", \"30s\", \"5m\", \"1h\"";
      case STRING_LIST -> "a list of strings";
      case LIST -> "a list";
      case TABLE -> "a table";
      case SECRET -> "a string, { env = \"NAME\" } or { file = \"path\" }";
    };
    return rule.description().isEmpty() ? base : base + ", " + rule.description();
  }

  /** A value as it would be written in TOML; tables inline. */
  public static String repr(Object v) {
    if (v instanceof String s) {
      return quote(s);
    }
    if (v instanceof List<?> l) {
      return l.stream().map(ConfigValues::repr).toList().toString();
    }
    if (v instanceof ConfigTable t) {
      return t.entries().isEmpty() ? "{}" : "{ " + String.join(", ", t.entries().entrySet().stream()
          .map(e -> e.getKey() + " = " + repr(e.getValue().value())).toList()) + " }";
    }
    if (v instanceof Map<?, ?> m) {
      return m.isEmpty() ? "{}" : "{ " + String.join(", ", m.entrySet().stream()
          .map(e -> e.getKey() + " = " + repr(e.getValue())).toList()) + " }";
    }
    if (v instanceof Duration d) {
      return quote(formatDuration(d));
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
