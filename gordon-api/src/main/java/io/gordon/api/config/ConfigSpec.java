package io.gordon.api.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every key a plugin (or the core) accepts in its table, and the checks over several of them. Built
 * once, as a constant, preferably from typed {@link Key} constants:
 *
 * <pre>{@code
 * static final Key<String> PROJECT = Key.string("project").rule(Rule.nonEmpty())
 *     .required("GCP project of the topic.");
 * static final Key<Integer> MAX_MESSAGES = Key.integer("max_messages", 25,
 *     Rule.between(1, 10000), "Flow control.");
 * static final ConfigSpec SPEC = ConfigSpec.of(PROJECT, MAX_MESSAGES);
 * }</pre>
 */
public final class ConfigSpec {
  /** The problem text of a required key that is not written. */
  public static final String MISSING = "missing required key";

  private final Map<String, ConfigKey> keys;
  private final List<String> order;
  private final List<ConfigCheck> checks;

  private ConfigSpec(Map<String, ConfigKey> keys, List<ConfigCheck> checks) {
    this.keys = Map.copyOf(keys);
    this.order = List.copyOf(keys.keySet());
    this.checks = List.copyOf(checks);
  }

  /** An empty spec: the plugin takes no keys. */
  public static ConfigSpec empty() {
    return builder().build();
  }

  /** A spec of the given keys, in this order, without cross-key checks. */
  public static ConfigSpec of(Key<?>... keys) {
    Builder b = builder();
    for (Key<?> k : keys) {
      b.key(k);
    }
    return b.build();
  }

  /** Starts a spec. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a spec holding this spec's keys and checks, to add more. */
  public Builder toBuilder() {
    Builder b = new Builder();
    keys().forEach(b::add);
    checks.forEach(b::check);
    return b;
  }

  /** The declared keys, in declaration order. */
  public List<ConfigKey> keys() {
    return order.stream().map(keys::get).toList();
  }

  /** The checks over several keys, in declaration order. */
  public List<ConfigCheck> checks() {
    return checks;
  }

  /** The key declared as {@code name} or with {@code name} as an alias. */
  public Optional<ConfigKey> key(String name) {
    ConfigKey k = keys.get(name);
    if (k != null) {
      return Optional.of(k);
    }
    return keys.values().stream().filter(c -> c.answersTo(name)).findFirst();
  }

  /**
   * The outcome of {@link #read}.
   *
   * @param values declared key name to converted value, defaults included
   * @param given the declared names of the keys that were written
   * @param problems every problem; the values are complete only when there is none
   */
  public record Result(
      Map<String, Object> values, Set<String> given, List<ConfigCheck.Problem> problems) {
    /** Copies the collections. */
    public Result {
      values = Map.copyOf(values);
      given = Set.copyOf(given);
      problems = List.copyOf(problems);
    }
  }

  /**
   * Validates written values against this spec, the way the core validates a plugin's merged tables
   * (it then adds the file positions): each value is converted to its key's Java form and checked
   * against the key's rule, defaults fill in absent keys, missing required keys, keys given twice
   * (by name and alias) and undeclared keys are problems, and once every key is valid the spec's
   * {@link ConfigCheck}s run.
   *
   * @param written key as written to its raw TOML value: {@code String}, {@code Long}, {@code
   *     Double}, {@code Boolean}, {@code List}, or a {@code Map} for a table
   * @param root the config directory, for {@code { file = "..." }} secrets
   * @param env reads environment variables, for {@code { env = "..." }} secrets
   */
  public Result read(Map<String, ?> written, Path root, Function<String, String> env) {
    Objects.requireNonNull(root, "root == null");
    Map<String, Object> values = new LinkedHashMap<>();
    Set<String> given = new LinkedHashSet<>();
    List<ConfigCheck.Problem> problems = new ArrayList<>();
    written.keySet().stream()
        .filter(k -> key(k).isEmpty())
        .forEach(
            k ->
                problems.add(
                    new ConfigCheck.Problem(
                        k,
                        "unknown key",
                        order.isEmpty() ? "no keys here" : "one of: " + String.join(", ", order))));
    for (ConfigKey key : keys()) {
      List<String> names = written.keySet().stream().filter(key::answersTo).toList();
      if (names.size() > 1) {
        problems.add(
            new ConfigCheck.Problem(
                names.get(1),
                "given twice, as " + String.join(" and ", names),
                "only one of them"));
      } else if (names.isEmpty()) {
        if (key.required()) {
          problems.add(new ConfigCheck.Problem(key.name(), MISSING, key.expected()));
        } else {
          key.defaultValue().ifPresent(d -> values.put(key.name(), d));
        }
      } else {
        given.add(key.name());
        Conversions.Converted c =
            Conversions.convert(key, Objects.requireNonNull(written.get(names.get(0))), root, env);
        c.value()
            .ifPresentOrElse(
                v -> values.put(key.name(), v),
                () ->
                    problems.add(
                        new ConfigCheck.Problem(names.get(0), c.problem(), key.expected())));
      }
    }
    if (problems.isEmpty()) {
      PluginConfig config = new PluginConfig("", values);
      checks.forEach(c -> problems.addAll(c.check(config, Set.copyOf(given))));
    }
    return new Result(values, given, problems);
  }

  /** Builds a {@link ConfigSpec}. */
  public static final class Builder {
    private final Map<String, ConfigKey> keys = new LinkedHashMap<>();
    private final List<ConfigCheck> checks = new ArrayList<>();

    private Builder() {}

    /** Declares a typed key. */
    public Builder key(Key<?> key) {
      return add(key.declaration());
    }

    /** Declares typed keys, in this order. */
    public Builder keys(Key<?>... keys) {
      for (Key<?> k : keys) {
        key(k);
      }
      return this;
    }

    /** Adds a check over several keys, run once each key is valid. */
    public Builder check(ConfigCheck check) {
      checks.add(Objects.requireNonNull(check, "check == null"));
      return this;
    }

    /**
     * Declares a key that must be given. Prefer a typed {@link Key}, which is read without
     * repeating its name.
     */
    public Builder required(String name, ConfigType type, Rule rule, String doc) {
      return add(new ConfigKey(name, type, true, Optional.empty(), rule, doc, List.of()));
    }

    /**
     * Declares an optional key with a default ({@code null} for none). Prefer a typed {@link Key},
     * which is read without repeating its name or default.
     */
    public Builder optional(
        String name, ConfigType type, Object defaultValue, Rule rule, String doc) {
      return add(
          new ConfigKey(
              name, type, false, Optional.ofNullable(defaultValue), rule, doc, List.of()));
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
      return new ConfigSpec(keys, checks);
    }
  }
}
