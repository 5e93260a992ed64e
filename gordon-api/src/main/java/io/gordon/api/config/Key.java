package io.gordon.api.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A typed handle on one configuration key, declared once as a constant and read with {@link
 * PluginConfig#get(Key)}. The declaration (name, type, default, rule, documentation) is what the
 * core validates against and what the configuration reference shows; the value read is already
 * converted, checked and defaulted.
 *
 * <pre>{@code
 * static final Key<Duration> TIMEOUT = Key.duration("timeout", Duration.ofSeconds(5),
 *     Rule.durationAtLeast(0.01), "How long to wait for one answer.");
 * static final Key<HostPort> SERVER = Key.hostPort("server").defaultPort(53)
 *     .required("Primary server, as host:port.");
 * static final Key<Optional<Secret>> TOKEN = Key.secret("token").optional("Bearer token.");
 * static final ConfigSpec SPEC = ConfigSpec.of(TIMEOUT, SERVER, TOKEN);
 *
 * Duration timeout = context.config().get(TIMEOUT);
 * }</pre>
 *
 * @param <T> the type {@link PluginConfig#get(Key)} returns (declared with a {@link KeyBuilder})
 */
public final class Key<T> {
  private final ConfigKey declaration;
  private final Function<Object, T> read;

  Key(ConfigKey declaration, Function<Object, T> read) {
    this.declaration = declaration;
    this.read = read;
  }

  /** The declaration the core validates against and documents. */
  public ConfigKey declaration() {
    return declaration;
  }

  /** The key's name as written in TOML. */
  public String name() {
    return declaration.name();
  }

  /**
   * Reads the key from {@code config}'s stored value, which the core converted; an absent value
   * gives the declared default (or empty, for an optional key).
   */
  T read(PluginConfig config) {
    Object v = config.values().get(name());
    if (v == null) {
      v = declaration.defaultValue().orElse(null);
    }
    try {
      return read.apply(v);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "plugin "
              + config.plugin()
              + ": config key \""
              + name()
              + "\" has "
              + (v == null
                  ? "no value"
                  : "a value of the wrong type, "
                      + v.getClass().getSimpleName()
                      + " ("
                      + e.getMessage()
                      + ")"),
          e);
    }
  }

  @Override
  public String toString() {
    return "Key[" + name() + ", " + declaration.type().description() + "]";
  }

  /** A string key with a default. */
  public static Key<String> string(String name, String defaultValue, Rule rule, String doc) {
    return string(name).rule(rule).defaultsTo(defaultValue, doc);
  }

  /** An integer key with a default; values must fit an {@code int}. */
  public static Key<Integer> integer(String name, int defaultValue, Rule rule, String doc) {
    return integer(name).rule(rule).defaultsTo(defaultValue, doc);
  }

  /** A boolean key with a default. */
  public static Key<Boolean> bool(String name, boolean defaultValue, String doc) {
    return bool(name).defaultsTo(defaultValue, doc);
  }

  /** A duration key with a default. */
  public static Key<Duration> duration(String name, Duration defaultValue, Rule rule, String doc) {
    return duration(name).rule(rule).defaultsTo(defaultValue, doc);
  }

  /** Starts a {@link ConfigType#STRING} key. */
  public static KeyBuilder<String> string(String name) {
    return new KeyBuilder<>(name, ConfigType.STRING, String.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#INTEGER} key read as {@code int}; values must fit one. */
  public static KeyBuilder<Integer> integer(String name) {
    return new KeyBuilder<Integer>(
            name, ConfigType.INTEGER, v -> Math.toIntExact((Long) v), Integer::longValue)
        .fitsInt();
  }

  /** Starts a {@link ConfigType#INTEGER} key read as {@code long}. */
  public static KeyBuilder<Long> longInteger(String name) {
    return new KeyBuilder<>(name, ConfigType.INTEGER, Long.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#NUMBER} key. */
  public static KeyBuilder<Double> number(String name) {
    return new KeyBuilder<>(name, ConfigType.NUMBER, Double.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#BOOLEAN} key. */
  public static KeyBuilder<Boolean> bool(String name) {
    return new KeyBuilder<>(name, ConfigType.BOOLEAN, Boolean.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#DURATION} key. */
  public static KeyBuilder<Duration> duration(String name) {
    return new KeyBuilder<>(name, ConfigType.DURATION, Duration.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#STRING_LIST} key. */
  public static KeyBuilder<List<String>> strings(String name) {
    return new KeyBuilder<List<String>>(
        name,
        ConfigType.STRING_LIST,
        v -> ((List<?>) v).stream().map(String.class::cast).toList(),
        List::copyOf);
  }

  /** Starts a {@link ConfigType#LIST} key. */
  public static KeyBuilder<List<Object>> list(String name) {
    return new KeyBuilder<List<Object>>(
        name,
        ConfigType.LIST,
        v -> ((List<?>) v).stream().map(Object.class::cast).toList(),
        List::copyOf);
  }

  /**
   * Starts a list of {@code host:port} addresses, e.g. Kafka's bootstrap servers: a {@link
   * ConfigType#STRING_LIST} whose every element must parse as a {@link HostPort}.
   */
  public static KeyBuilder<List<HostPort>> hostPorts(String name) {
    return new KeyBuilder<List<HostPort>>(
            name,
            ConfigType.STRING_LIST,
            v -> ((List<?>) v).stream().map(Key::hostPort).toList(),
            l -> l.stream().map(HostPort::toString).toList())
        .base(
            Rule.of(
                "each host:port, IPv6 in brackets",
                v ->
                    ((List<?>) v)
                        .stream().allMatch(x -> HostPort.parse(String.valueOf(x)).isPresent())));
  }

  /** Starts a {@link ConfigType#TABLE} key. */
  public static KeyBuilder<Map<String, Object>> table(String name) {
    return new KeyBuilder<Map<String, Object>>(name, ConfigType.TABLE, Key::table, Map::copyOf);
  }

  /** Starts a {@link ConfigType#SECRET} key. */
  public static KeyBuilder<Secret> secret(String name) {
    return new KeyBuilder<>(name, ConfigType.SECRET, Secret.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#HOST_PORT} key. */
  public static KeyBuilder<HostPort> hostPort(String name) {
    return new KeyBuilder<HostPort>(name, ConfigType.HOST_PORT, Key::hostPort, v -> v);
  }

  private static Map<String, Object> table(Object v) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    ((Map<?, ?>) v).forEach((k, x) -> out.put((String) k, x));
    return java.util.Collections.unmodifiableMap(out);
  }

  /** A HostPort, or (from a hand-built config) its text. */
  private static HostPort hostPort(Object v) {
    return v instanceof String s
        ? HostPort.parse(s).orElseThrow(() -> new IllegalArgumentException("not host:port: " + s))
        : (HostPort) v;
  }
}
