package io.gordon.api.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One declared configuration key. Plugins usually declare keys as typed {@link Key} constants,
 * which carry one of these.
 *
 * @param name the key as written in TOML, e.g. {@code max_messages}
 * @param type the value type
 * @param required whether the key must be present (in the plugin's table or a parent table)
 * @param defaultValue the value used when the key is absent; empty for none. Stored in the type's
 *     Java form: {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code Duration},
 *     {@code List<String>}, {@link HostPort}
 * @param rule a further constraint on present values
 * @param doc one or two sentences for the reference
 * @param aliases other names accepted for the same key (e.g. {@code ip} for {@code ffwd_ip})
 * @param defaultPort for a {@link ConfigType#HOST_PORT} key, the port of a host written alone;
 *     empty when the port must be written
 */
public record ConfigKey(
    String name,
    ConfigType type,
    boolean required,
    Optional<Object> defaultValue,
    Rule rule,
    String doc,
    List<String> aliases,
    OptionalInt defaultPort) {

  /** Validates the declaration itself. */
  public ConfigKey {
    Objects.requireNonNull(name, "name == null");
    if (!name.matches("[a-z][a-z0-9_\\-]*")) {
      throw new IllegalArgumentException(
          "config key \"" + name + "\" must be lower case letters, digits, '_' or '-'");
    }
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(defaultValue, "defaultValue == null");
    Objects.requireNonNull(rule, "rule == null");
    Objects.requireNonNull(doc, "doc == null");
    aliases = List.copyOf(aliases);
    Objects.requireNonNull(defaultPort, "defaultPort == null");
    if (required && defaultValue.isPresent()) {
      throw new IllegalArgumentException(
          "config key \"" + name + "\" is required and has a default; choose one");
    }
    if (defaultPort.isPresent()
        && (type != ConfigType.HOST_PORT
            || defaultPort.getAsInt() < 1
            || defaultPort.getAsInt() > 65535)) {
      throw new IllegalArgumentException(
          "config key \""
              + name
              + "\": a default port ("
              + defaultPort.getAsInt()
              + ") needs type host:port and a port from 1 to 65535");
    }
  }

  /** A key without a default port. */
  public ConfigKey(
      String name,
      ConfigType type,
      boolean required,
      Optional<Object> defaultValue,
      Rule rule,
      String doc,
      List<String> aliases) {
    this(name, type, required, defaultValue, rule, doc, aliases, OptionalInt.empty());
  }

  /** Whether {@code key} names this key or one of its aliases. */
  public boolean answersTo(String key) {
    return name.equals(key) || aliases.contains(key);
  }

  /**
   * What a value of this key looks like, as errors show it after "expected", e.g. {@code an
   * integer, from 1 to 100} or {@code host:port, e.g. 127.0.0.1:53, or a host alone for port 53}.
   */
  public String expected() {
    String base =
        switch (type) {
          case STRING -> "a string";
          case INTEGER -> "an integer";
          case NUMBER -> "a number";
          case BOOLEAN -> "true or false";
          case DURATION ->
              "a duration: seconds, or a string such as \"250ms\", \"30s\", \"5m\", \"1h\"";
          case STRING_LIST -> "a list of strings";
          case LIST -> "a list";
          case TABLE -> "a table";
          case SECRET -> "a string, { env = \"NAME\" } or { file = \"path\" }";
          case HOST_PORT ->
              "host:port"
                  + (defaultPort.isPresent()
                      ? " (port " + defaultPort.getAsInt() + " when omitted)"
                      : "")
                  + " with a port from 0 to 65535 and"
                  + " IPv6 in brackets, e.g. 127.0.0.1:"
                  + defaultPort.orElse(8053)
                  + " or [::1]:"
                  + defaultPort.orElse(8053);
        };
    return rule.description().isEmpty() ? base : base + ", " + rule.description();
  }
}
