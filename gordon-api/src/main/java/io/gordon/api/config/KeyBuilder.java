package io.gordon.api.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Builds a {@link Key}: set the rule, aliases and (for host:port) a default port, then end with
 * {@link #required}, {@link #defaultsTo} or {@link #optional}.
 *
 * @param <T> the type the key reads as
 */
public final class KeyBuilder<T> {
  private final String name;
  private final ConfigType type;
  private final Function<Object, T> read;
  private final Function<T, Object> store;
  private Rule rule = Rule.any();
  private boolean fitsInt;
  private Rule base = Rule.any();
  private final List<String> aliases = new ArrayList<>();
  private OptionalInt defaultPort = OptionalInt.empty();

  KeyBuilder(String name, ConfigType type, Function<Object, T> read, Function<T, Object> store) {
    this.name = Objects.requireNonNull(name, "name == null");
    this.type = type;
    this.read = read;
    this.store = store;
  }

  /** A rule every value of this kind of key follows, whatever rule the key adds. */
  KeyBuilder<T> base(Rule r) {
    base = r;
    return this;
  }

  KeyBuilder<T> fitsInt() {
    fitsInt = true;
    return this;
  }

  /** The rule present values must follow (default: any value of the type). */
  public KeyBuilder<T> rule(Rule r) {
    this.rule = Objects.requireNonNull(r, "rule == null");
    return this;
  }

  /** Other names accepted for the key. */
  public KeyBuilder<T> alias(String... names) {
    aliases.addAll(List.of(names));
    return this;
  }

  /** For a host:port key: the port of a host written alone (e.g. 53 for a DNS server). */
  public KeyBuilder<T> defaultPort(int port) {
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
