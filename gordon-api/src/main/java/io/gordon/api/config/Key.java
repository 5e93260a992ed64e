package io.gordon.api.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
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
 * @param <T> the type {@link PluginConfig#get(Key)} returns
 */
public final class Key<T> {
  private final ConfigKey declaration;
  private final Function<Object, T> read;

  private Key(ConfigKey declaration, Function<Object, T> read) {
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
  public static Builder<String> string(String name) {
    return new Builder<>(name, ConfigType.STRING, String.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#INTEGER} key read as {@code int}; values must fit one. */
  public static Builder<Integer> integer(String name) {
    return new Builder<Integer>(
            name, ConfigType.INTEGER, v -> Math.toIntExact((Long) v), Integer::longValue)
        .fitsInt();
  }

  /** Starts a {@link ConfigType#INTEGER} key read as {@code long}. */
  public static Builder<Long> longInteger(String name) {
    return new Builder<>(name, ConfigType.INTEGER, Long.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#NUMBER} key. */
  public static Builder<Double> number(String name) {
    return new Builder<>(name, ConfigType.NUMBER, Double.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#BOOLEAN} key. */
  public static Builder<Boolean> bool(String name) {
    return new Builder<>(name, ConfigType.BOOLEAN, Boolean.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#DURATION} key. */
  public static Builder<Duration> duration(String name) {
    return new Builder<>(name, ConfigType.DURATION, Duration.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#STRING_LIST} key. */
  public static Builder<List<String>> strings(String name) {
    return new Builder<List<String>>(
        name,
        ConfigType.STRING_LIST,
        v -> ((List<?>) v).stream().map(String.class::cast).toList(),
        List::copyOf);
  }

  /** Starts a {@link ConfigType#LIST} key. */
  public static Builder<List<Object>> list(String name) {
    return new Builder<List<Object>>(
        name,
        ConfigType.LIST,
        v -> ((List<?>) v).stream().map(Object.class::cast).toList(),
        List::copyOf);
  }

  /**
   * Starts a list of {@code host:port} addresses, e.g. Kafka's bootstrap servers: a {@link
   * ConfigType#STRING_LIST} whose every element must parse as a {@link HostPort}.
   */
  public static Builder<List<HostPort>> hostPorts(String name) {
    return new Builder<List<HostPort>>(
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
  public static Builder<Map<String, Object>> table(String name) {
    return new Builder<Map<String, Object>>(name, ConfigType.TABLE, Key::table, Map::copyOf);
  }

  /** Starts a {@link ConfigType#SECRET} key. */
  public static Builder<Secret> secret(String name) {
    return new Builder<>(name, ConfigType.SECRET, Secret.class::cast, v -> v);
  }

  /** Starts a {@link ConfigType#HOST_PORT} key. */
  public static Builder<HostPort> hostPort(String name) {
    return new Builder<HostPort>(name, ConfigType.HOST_PORT, Key::hostPort, v -> v);
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

  /**
   * Builds a {@link Key}: set the rule, aliases and (for host:port) a default port, then end with
   * {@link #required}, {@link #defaultsTo} or {@link #optional}.
   *
   * @param <T> the type the key reads as
   */
  public static final class Builder<T> {
    private final String name;
    private final ConfigType type;
    private final Function<Object, T> read;
    private final Function<T, Object> store;
    private Rule rule = Rule.any();
    private boolean fitsInt;
    private Rule base = Rule.any();
    private final List<String> aliases = new ArrayList<>();
    private OptionalInt defaultPort = OptionalInt.empty();

    private Builder(
        String name, ConfigType type, Function<Object, T> read, Function<T, Object> store) {
      this.name = Objects.requireNonNull(name, "name == null");
      this.type = type;
      this.read = read;
      this.store = store;
    }

    /** A rule every value of this kind of key follows, whatever rule the key adds. */
    private Builder<T> base(Rule r) {
      base = r;
      return this;
    }

    private Builder<T> fitsInt() {
      fitsInt = true;
      return this;
    }

    /** The rule present values must follow (default: any value of the type). */
    public Builder<T> rule(Rule r) {
      this.rule = Objects.requireNonNull(r, "rule == null");
      return this;
    }

    /** Other names accepted for the key. */
    public Builder<T> alias(String... names) {
      aliases.addAll(List.of(names));
      return this;
    }

    /** For a host:port key: the port of a host written alone (e.g. 53 for a DNS server). */
    public Builder<T> defaultPort(int port) {
      defaultPort = OptionalInt.of(port);
      return this;
    }

    /** A key that must be written. */
    public Key<T> required(String doc) {
      return new Key<>(declare(true, Optional.empty(), doc), present());
    }

    /** A key with a default, used when it is not written. */
    public Key<T> defaultsTo(T value, String doc) {
      Objects.requireNonNull(value, "default == null (use optional(doc) for a key without one)");
      return new Key<>(declare(false, Optional.of(store.apply(value)), doc), present());
    }

    /** A key without a default: {@link PluginConfig#get(Key)} gives empty when not written. */
    public Key<Optional<T>> optional(String doc) {
      Function<Object, T> r = read;
      return new Key<>(
          declare(false, Optional.empty(), doc),
          v -> v == null ? Optional.empty() : Optional.of(r.apply(v)));
    }

    private Function<Object, T> present() {
      Function<Object, T> r = read;
      return v -> r.apply(Objects.requireNonNull(v, "no value"));
    }

    private ConfigKey declare(boolean required, Optional<Object> dflt, String doc) {
      Rule effective = rule;
      if (!base.description().isEmpty()) {
        Rule r = rule;
        effective =
            new Rule(
                r.description().isEmpty()
                    ? base.description()
                    : r.description() + ", " + base.description(),
                v -> base.test().test(v) && r.test().test(v));
      }
      if (fitsInt) {
        Rule r = rule;
        effective =
            new Rule(
                r.description().isEmpty()
                    ? "from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE
                    : r.description(),
                v -> (Long) v == ((Long) v).intValue() && r.test().test(v));
      }
      return new ConfigKey(name, type, required, dflt, effective, doc, aliases, defaultPort);
    }
  }
}
