package io.gordon.api.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One declared configuration key.
 *
 * @param name the key as written in TOML, e.g. {@code max_messages}
 * @param type the value type
 * @param required whether the key must be present (in the plugin's table or a parent table)
 * @param defaultValue the value used when the key is absent; empty for none. Stored in the
 *     type's Java form: {@code String}, {@code Long}, {@code Double}, {@code Boolean},
 *     {@code Duration}, {@code List<String>}
 * @param rule a further constraint on present values
 * @param doc one or two sentences for the reference
 * @param aliases other names accepted for the same key (e.g. {@code ip} for {@code ffwd_ip})
 */
public record ConfigKey(String name, ConfigType type, boolean required,
    Optional<Object> defaultValue, Rule rule, String doc, List<String> aliases) {

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
    if (required && defaultValue.isPresent()) {
      throw new IllegalArgumentException("config key \"" + name
          + "\" is required and has a default; choose one");
    }
  }

  /** Whether {@code key} names this key or one of its aliases. */
  public boolean answersTo(String key) {
    return name.equals(key) || aliases.contains(key);
  }
}
