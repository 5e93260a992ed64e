package io.gordon.api.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every key a plugin (or the core) accepts in its table. Built once, as a constant:
 *
 * <pre>{@code
 * static final ConfigSpec SPEC = ConfigSpec.builder()
 *     .required("project", ConfigType.STRING, Rule.nonEmpty(), "GCP project of the topic.")
 *     .optional("max_messages", ConfigType.INTEGER, 25L, Rule.between(1, 10000), "Flow control.")
 *     .build();
 * }</pre>
 */
public final class ConfigSpec {
  private final Map<String, ConfigKey> keys;

  private ConfigSpec(Map<String, ConfigKey> keys) {
    this.keys = Map.copyOf(keys);
    this.order = List.copyOf(keys.keySet());
  }

  private final List<String> order;

  /** An empty spec: the plugin takes no keys. */
  public static ConfigSpec empty() {
    return builder().build();
  }

  /** Starts a spec. */
  public static Builder builder() {
    return new Builder();
  }

  /** The declared keys, in declaration order. */
  public List<ConfigKey> keys() {
    return order.stream().map(keys::get).toList();
  }

  /** The key declared as {@code name} or with {@code name} as an alias. */
  public Optional<ConfigKey> key(String name) {
    ConfigKey k = keys.get(name);
    if (k != null) {
      return Optional.of(k);
    }
    return keys.values().stream().filter(c -> c.answersTo(name)).findFirst();
  }

  /** Builds a {@link ConfigSpec}. */
  public static final class Builder {
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();

    private Builder() {}

    /** Declares a key that must be given. */
    public Builder required(String name, ConfigType type, Rule rule, String doc) {
      return add(new ConfigKey(name, type, true, Optional.empty(), rule, doc, List.of()));
    }

    /** Declares an optional key with a default ({@code null} for none). */
    public Builder optional(String name, ConfigType type, Object defaultValue, Rule rule,
        String doc) {
      return add(new ConfigKey(name, type, false, Optional.ofNullable(defaultValue), rule, doc,
          List.of()));
    }

    /** Declares a fully specified key, e.g. one with aliases. */
    public Builder add(ConfigKey key) {
      List<String> names = new ArrayList<>(key.aliases());
      names.add(key.name());
      for (String n : names) {
        for (ConfigKey k : keys.values()) {
          if (k.answersTo(n)) {
            throw new IllegalArgumentException("config key \"" + n + "\" declared twice");
          }
        }
      }
      keys.put(key.name(), key);
      return this;
    }

    /** Returns the spec. */
    public ConfigSpec build() {
      return new ConfigSpec(keys);
    }
  }
}
