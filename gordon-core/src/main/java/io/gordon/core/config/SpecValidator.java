package io.gordon.core.config;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.core.config.Namespaces.Sourced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the values one table or plugin receives against a {@link ConfigSpec}: converts each to
 * its Java form, applies the rules, fills in defaults and reports missing required keys.
 */
public final class SpecValidator {
  private final Path root;
  private final Function<String, String> env;

  /**
   * The outcome.
   *
   * @param values declared key name to converted value (defaults included)
   * @param problems every problem found
   */
  public record Result(Map<String, Object> values, List<ConfigProblem> problems) {}

  /**
   * Where and how to report a missing required key.
   *
   * @param origin the position to report (the table, or the plugin's name in core.plugins)
   * @param keyPrefix dotted prefix for the key, e.g. {@code gcp.publisher}
   * @param where the tables the key may be set in, e.g. {@code [gcp.publisher] or [gcp]}
   */
  public record Missing(Origin origin, String keyPrefix, String where) {}

  /** Creates a validator resolving secrets against {@code root} and {@code env}. */
  public SpecValidator(Path root, Function<String, String> env) {
    this.root = root;
    this.env = env;
  }

  /** Validates {@code raw} against {@code spec}; keys the spec does not declare are ignored. */
  public Result validate(ConfigSpec spec, Map<String, Sourced> raw, Missing missing) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigKey key : spec.keys()) {
      List<String> given = raw.keySet().stream().filter(key::answersTo).toList();
      if (given.size() > 1) {
        Sourced s = raw.get(given.get(1));
        problems.add(ConfigProblem.of(s.entry().origin(), s.dotted(given.get(1)),
            "given twice, as " + String.join(" and ", given), "only one of them"));
        continue;
      }
      if (given.isEmpty()) {
        if (key.required()) {
          problems.add(ConfigProblem.of(missing.origin(), missing.keyPrefix() + "." + key.name(),
              "missing required key; set it in " + missing.where(),
              ConfigValues.expected(key.type(), key.rule())));
        } else {
          key.defaultValue().ifPresent(d -> values.put(key.name(), d));
        }
        continue;
      }
      Sourced s = raw.get(given.get(0));
      ConfigValues.Converted c = convert(key, s);
      c.value().ifPresentOrElse(v -> values.put(key.name(), v), () -> problems.add(
          ConfigProblem.of(s.entry().origin(), s.dotted(given.get(0)), c.problem(),
              ConfigValues.expected(key.type(), key.rule()))));
    }
    return new Result(values, problems);
  }

  /** Converts the value and applies the key's rule; a broken rule is a problem too. */
  private ConfigValues.Converted convert(ConfigKey key, Sourced s) {
    ConfigValues.Converted c = ConfigValues.convert(key.type(), s.entry().value(), root, env);
    if (c.value().isEmpty()) {
      return c;
    }
    boolean ok;
    try {
      ok = key.rule().check(c.value().get()).isEmpty();
    } catch (RuntimeException e) {
      ok = false; // a rule that cannot judge the value rejects it
    }
    return ok ? c : new ConfigValues.Converted(Optional.empty(), "invalid value "
        + (key.type() == ConfigType.SECRET ? "<redacted>" : ConfigValues.repr(s.entry().value())));
  }

  /**
   * Reports every key of the table at {@code table} that none of {@code specs} declares,
   * suggesting the closest declared one.
   *
   * @param entries the table's settings
   * @param specs the specs of every plugin (or core table) that receives this table
   */
  public static List<ConfigProblem> unknownKeys(String table, Map<String, ConfigTable.Entry> entries,
      Collection<ConfigSpec> specs) {
    Set<String> names = new LinkedHashSet<>();
    specs.forEach(spec -> spec.keys().forEach(k -> {
      names.add(k.name());
      names.addAll(k.aliases());
    }));
    List<ConfigProblem> out = new ArrayList<>();
    entries.forEach((k, e) -> {
      if (!names.contains(k)) {
        out.add(ConfigProblem.of(e.origin(), table + "." + k,
            "unknown key" + Suggestions.didYouMean(k, names),
            names.isEmpty() ? "no keys here" : "one of: " + String.join(", ", names)));
      }
    });
    return out;
  }
}
