package io.gordon.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated configuration one plugin receives: its namespace tables merged (see the
 * configuration reference), checked against its {@link ConfigSpec}, with defaults applied and
 * values converted to their Java types. Read values with {@link #get(Key)} and the plugin's typed
 * {@link Key} constants; the string-named readers below remain for plugins that declare keys
 * without them. Reading a key the spec does not declare, or with the wrong type, is a programming
 * error and throws {@link IllegalArgumentException}.
 *
 * @param plugin the plugin name, for messages
 * @param values key to converted value; absent optional keys without default are missing
 */
public record PluginConfig(String plugin, Map<String, Object> values) {
  /** Copies the values. */
  public PluginConfig {
    Objects.requireNonNull(plugin, "plugin == null");
    values = Map.copyOf(values);
  }

  /**
   * The value of a typed key: converted, checked against its rule, and defaulted, as the core
   * validated it (an optional key without default reads as {@code Optional}).
   *
   * @throws IllegalArgumentException when this configuration was not validated against a spec
   *     declaring {@code key} (a programming error)
   */
  public <T> T get(Key<T> key) {
    return key.read(this);
  }

  /** Whether the key has a value (given or defaulted). */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** A string value (a {@link ConfigType#HOST_PORT} value as {@code host:port}). */
  public String string(String key) {
    return get(key, String.class);
  }

  /** A {@link ConfigType#HOST_PORT} value. */
  public HostPort hostPort(String key) {
    return get(key, HostPort.class);
  }

  /** An optional string value. */
  public Optional<String> optString(String key) {
    return opt(key, String.class);
  }

  /** An integer value as {@code long}. */
  public long longValue(String key) {
    return get(key, Long.class);
  }

  /** An integer value that must fit an {@code int}. */
  public int intValue(String key) {
    return Math.toIntExact(get(key, Long.class));
  }

  /** A number value. */
  public double number(String key) {
    return get(key, Double.class);
  }

  /** A boolean value. */
  public boolean bool(String key) {
    return get(key, Boolean.class);
  }

  /** A duration value. */
  public Duration duration(String key) {
    return get(key, Duration.class);
  }

  /** An optional duration value. */
  public Optional<Duration> optDuration(String key) {
    return opt(key, Duration.class);
  }

  /** A list of strings. */
  @SuppressWarnings("unchecked")
  public List<String> strings(String key) {
    return get(key, List.class);
  }

  /** A secret. */
  public Secret secret(String key) {
    return get(key, Secret.class);
  }

  /** An optional secret. */
  public Optional<Secret> optSecret(String key) {
    return opt(key, Secret.class);
  }

  /** A {@link ConfigType#LIST} value. */
  @SuppressWarnings("unchecked")
  public List<Object> list(String key) {
    return get(key, List.class);
  }

  /** A table value. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> table(String key) {
    return get(key, Map.class);
  }

  private <T> T get(String key, Class<T> type) {
    return opt(key, type)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "plugin " + plugin + ": config key \"" + key + "\" has no value"));
  }

  private <T> Optional<T> opt(String key, Class<T> type) {
    Object v = values.get(key);
    if (v == null) {
      return Optional.empty();
    }
    if (type == String.class && v instanceof HostPort h) {
      return Optional.of(type.cast(h.toString())); // host:port keys read as text, as before
    }
    if (!type.isInstance(v)) {
      throw new IllegalArgumentException(
          "plugin "
              + plugin
              + ": config key \""
              + key
              + "\" is a "
              + v.getClass().getSimpleName()
              + ", not a "
              + type.getSimpleName());
    }
    return Optional.of(type.cast(v));
  }
}
