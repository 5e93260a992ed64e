package io.gordon.api.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Converts one raw TOML value (String, Long, Double, Boolean, List, Map for a table) to the Java
 * form of its key's type and applies the key's rule. The one place this happens, for the core and
 * for test doubles alike.
 */
final class Conversions {
  private Conversions() {}

  /**
   * The outcome of converting one value: the Java value, or the problem.
   *
   * @param value the converted value, when it converted
   * @param problem what is wrong, when it did not (never shows a secret)
   */
  record Converted(Optional<Object> value, String problem) {
    static Converted ok(Object v) {
      return new Converted(Optional.of(v), "");
    }

    static Converted bad(String problem) {
      return new Converted(Optional.empty(), problem);
    }
  }

  /** Converts {@code raw} for {@code key} and checks the key's rule. */
  static Converted convert(ConfigKey key, Object raw, Path root, Function<String, String> env) {
    Converted c = convertType(key, raw, root, env);
    if (c.value().isEmpty()) {
      return c;
    }
    boolean ok;
    try {
      ok = key.rule().check(c.value().get()).isEmpty();
    } catch (RuntimeException e) {
      ok = false; // a rule that cannot judge the value rejects it
    }
    return ok ? c : Converted.bad(invalid(key.type(), raw));
  }

  private static String invalid(ConfigType type, Object raw) {
    return "invalid value " + (type == ConfigType.SECRET ? "<redacted>" : ConfigText.repr(raw));
  }

  private static Converted convertType(
      ConfigKey key, Object v, Path root, Function<String, String> env) {
    Converted invalid = Converted.bad(invalid(key.type(), v));
    return switch (key.type()) {
      case STRING -> v instanceof String ? Converted.ok(v) : invalid;
      case INTEGER -> v instanceof Long ? Converted.ok(v) : invalid;
      case NUMBER -> v instanceof Number n ? Converted.ok(n.doubleValue()) : invalid;
      case BOOLEAN -> v instanceof Boolean ? Converted.ok(v) : invalid;
      case DURATION -> ConfigText.parseDuration(v).map(Converted::ok).orElse(invalid);
      case STRING_LIST ->
          v instanceof String s
              ? Converted.ok(List.of(s))
              : v instanceof List<?> l && l.stream().allMatch(String.class::isInstance)
                  ? Converted.ok(List.copyOf(l))
                  : invalid;
      case LIST ->
          v instanceof List<?> l && l.stream().noneMatch(Map.class::isInstance)
              ? Converted.ok(List.copyOf(l))
              : invalid;
      case TABLE ->
          v instanceof Map<?, ?> m
              ? Converted.ok(Collections.unmodifiableMap(new LinkedHashMap<>(m)))
              : invalid;
      case SECRET -> secret(v, root, env);
      case HOST_PORT ->
          v instanceof String s
              ? HostPort.parse(s, key.defaultPort())
                  .<Object>map(h -> h)
                  .map(Converted::ok)
                  .orElse(invalid)
              : invalid;
    };
  }

  private static Converted secret(Object v, Path root, Function<String, String> env) {
    if (v instanceof String s) {
      return Converted.ok(new Secret(s, "inline"));
    }
    if (v instanceof Map<?, ?> t && t.size() == 1) {
      Map.Entry<?, ?> e = t.entrySet().iterator().next();
      if (!(e.getValue() instanceof String ref)) {
        return Converted.bad("invalid value " + ConfigText.repr(v));
      }
      if (e.getKey().equals("env")) {
        String value = env.apply(ref);
        if (value == null || value.isEmpty()) {
          return Converted.bad(
              "environment variable " + ref + (value == null ? " is not set" : " is empty"));
        }
        return Converted.ok(new Secret(value, "env " + ref));
      }
      if (e.getKey().equals("file")) {
        Path p = root.resolve(ref);
        try {
          String value = Files.readString(p).stripTrailing();
          // An empty token would pass the token-required checks and then refuse every client.
          return value.isEmpty()
              ? Converted.bad("secret file " + p + " is empty")
              : Converted.ok(new Secret(value, "file " + p));
        } catch (IOException | RuntimeException ex) {
          return Converted.bad(
              "cannot read secret file " + p + " (" + ex.getClass().getSimpleName() + ")");
        }
      }
    }
    return Converted.bad("invalid value " + (v instanceof Map ? ConfigText.repr(v) : "<redacted>"));
  }
}
