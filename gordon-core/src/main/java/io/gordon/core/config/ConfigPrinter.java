package io.gordon.core.config;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Prints configuration as TOML (with a comment giving each value's origin) or JSON, with every
 * secret redacted: values of keys declared as secrets, and of keys whose names look secret.
 */
public final class ConfigPrinter {
  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(secret|token|password|passwd|credential|jaas).*");

  /** What a redacted value prints as. */
  public static final String REDACTED = "<redacted>";

  private ConfigPrinter() {}

  /**
   * A value to print and its comment.
   *
   * @param value the value: String, Long, Double, Boolean, Duration, temporal, List, or a Map of
   *     further leaves and tables
   * @param comment shown after the value in TOML; empty for none
   */
  public record Leaf(Object value, String comment) {}

  /**
   * The effective configuration: {@code raw} as merged, plus the defaults of every core key that
   * was not given, with secrets redacted.
   *
   * @param secretKeys key names declared as secrets by any plugin, redacted wherever they occur
   */
  public static Map<String, Object> effective(RawConfig raw, Set<String> secretKeys) {
    return effective(raw, secretKeys, Map.of());
  }

  /**
   * The effective configuration, with the route the service runs: when {@code core.route} is absent
   * or empty, {@code route} (the default the plugin loader chose for the configured plugins) is
   * shown as the {@code [core.route]} table, each entry commented "default route", instead of an
   * empty table a user cannot tell from a missing one.
   *
   * @param route the effective route, phase to next phase; empty leaves an empty table
   */
  public static Map<String, Object> effective(
      RawConfig raw, Set<String> secretKeys, Map<String, String> route) {
    Map<String, Object> out = fromTable(raw.tree(), secretKeys, false);
    new TreeMap<>(CoreSpec.tables()).forEach((path, spec) -> addDefaults(out, path, spec));
    if (out.get("core") instanceof Map<?, ?> core && isEmptyRoute(core.get("route"))) {
      Map<String, Object> table = new LinkedHashMap<>();
      inChainOrder(route).forEach((from, to) -> table.put(from, new Leaf(to, "default route")));
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) core;
      c.put("route", table);
    }
    return out;
  }

  /**
   * The route as its messages go (consume, enrich, publish): each chain from a phase no other leads
   * to, then whatever a loop left, by name. The settings keep the route unordered.
   */
  static Map<String, String> inChainOrder(Map<String, String> route) {
    Map<String, String> out = new LinkedHashMap<>();
    Map<String, String> sorted = new TreeMap<>(route);
    for (String start : sorted.keySet()) {
      if (!route.containsValue(start)) {
        for (String at = start; route.containsKey(at) && !out.containsKey(at); at = route.get(at)) {
          out.put(at, route.get(at));
        }
      }
    }
    sorted.forEach(out::putIfAbsent);
    return out;
  }

  /** The route's default leaf (an empty map), or an empty {@code [core.route]} given. */
  private static boolean isEmptyRoute(Object v) {
    Object table = v instanceof Leaf leaf ? leaf.value() : v;
    return table instanceof Map<?, ?> m && m.isEmpty();
  }

  /** What one plugin receives, keys sorted, secrets redacted with their origin as comment. */
  public static Map<String, Object> plugin(PluginConfig config) {
    Map<String, Object> out = new LinkedHashMap<>();
    new TreeMap<>(config.values())
        .forEach(
            (k, v) ->
                out.put(
                    k,
                    v instanceof Secret s
                        ? new Leaf(
                            REDACTED,
                            "from " + (s.origin().equals("inline") ? "the config" : s.origin()))
                        : new Leaf(v, "")));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void addDefaults(Map<String, Object> out, String path, ConfigSpec spec) {
    Map<String, Object> t = out;
    for (String part : path.split("\\.")) {
      Object next = t.computeIfAbsent(part, k -> new LinkedHashMap<String, Object>());
      if (!(next instanceof Map)) {
        return;
      }
      t = (Map<String, Object>) next;
    }
    for (ConfigKey k : spec.keys()) {
      boolean given = t.containsKey(k.name()) || k.aliases().stream().anyMatch(t::containsKey);
      if (!given && k.defaultValue().isPresent()) {
        t.put(k.name(), new Leaf(k.defaultValue().get(), "default"));
      }
    }
  }

  private static Map<String, Object> fromTable(
      ConfigTable t, Set<String> secretKeys, boolean redactAll) {
    Map<String, Object> out = new LinkedHashMap<>();
    t.entries()
        .forEach(
            (k, e) -> {
              boolean secret =
                  redactAll || secretKeys.contains(k) || SECRET_NAME.matcher(k).matches();
              if (e.value() instanceof ConfigTable sub && !isReference(sub)) {
                out.put(k, fromTable(sub, secretKeys, secret));
              } else {
                Object v =
                    secret && !(e.value() instanceof ConfigTable)
                        ? REDACTED
                        : e.value() instanceof ConfigTable sub ? sub.toPlainMap() : e.value();
                out.put(k, new Leaf(v, e.origin().toString()));
              }
            });
    return out;
  }

  /** {@code { env = "X" }} or {@code { file = "p" }}: safe to print, kept inline. */
  private static boolean isReference(ConfigTable t) {
    return t.entries().size() == 1 && (t.entry("env").isPresent() || t.entry("file").isPresent());
  }

  /** Renders {@code tree} as TOML. */
  public static String toToml(Map<String, Object> tree) {
    StringBuilder sb = new StringBuilder();
    writeTable(sb, "", tree);
    return sb.toString();
  }

  @SuppressWarnings("unchecked")
  private static void writeTable(StringBuilder sb, String path, Map<String, Object> t) {
    boolean header = !path.isEmpty() && t.values().stream().anyMatch(Leaf.class::isInstance);
    if (header || (!path.isEmpty() && t.isEmpty())) {
      sb.append(sb.isEmpty() ? "" : "\n").append('[').append(path).append("]\n");
    }
    t.forEach(
        (k, v) -> {
          if (v instanceof Leaf leaf) {
            sb.append(key(k)).append(" = ").append(tomlValue(leaf.value()));
            sb.append(leaf.comment().isEmpty() ? "" : "  # " + leaf.comment()).append('\n');
          }
        });
    t.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> m) {
            writeTable(sb, path.isEmpty() ? key(k) : path + "." + key(k), (Map<String, Object>) m);
          }
        });
  }

  private static String key(String k) {
    return k.matches("[A-Za-z0-9_-]+") ? k : ConfigValues.quote(k);
  }

  private static String tomlValue(Object v) {
    if (v instanceof Duration d) {
      return ConfigValues.quote(ConfigValues.formatDuration(d));
    }
    if (v instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.isNaN() ? "nan" : d > 0 ? "inf" : "-inf";
    }
    if (v instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(ConfigPrinter::tomlValue).toList()) + "]";
    }
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        return "{}";
      }
      return "{ "
          + String.join(
              ", ",
              m.entrySet().stream()
                  .map(e -> key(e.getKey().toString()) + " = " + tomlValue(e.getValue()))
                  .toList())
          + " }";
    }
    return ConfigValues.repr(v);
  }

  /** Renders {@code tree} as JSON (comments dropped). */
  public static String toJson(Map<String, Object> tree) {
    StringBuilder sb = new StringBuilder();
    json(sb, tree, "");
    return sb.append('\n').toString();
  }

  private static void json(StringBuilder sb, Object v, String indent) {
    if (v instanceof Leaf leaf) {
      json(sb, leaf.value(), indent);
    } else if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        sb.append("{}");
        return;
      }
      sb.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        sb.append(indent).append("  ").append(jsonString(e.getKey().toString())).append(": ");
        json(sb, e.getValue(), indent + "  ");
        sb.append(++i < m.size() ? ",\n" : "\n");
      }
      sb.append(indent).append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        json(sb, l.get(i), indent);
        sb.append(i + 1 < l.size() ? ", " : "");
      }
      sb.append(']');
    } else if (v instanceof Boolean
        || v instanceof Long
        || v instanceof Double d && !d.isNaN() && !d.isInfinite()) {
      sb.append(v);
    } else if (v instanceof Duration d) {
      sb.append(jsonString(ConfigValues.formatDuration(d)));
    } else {
      sb.append(jsonString(String.valueOf(v)));
    }
  }

  /** TOML basic strings and JSON strings escape alike, so one quoting serves both. */
  private static String jsonString(String s) {
    return ConfigValues.quote(s);
  }
}
