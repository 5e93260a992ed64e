package io.gordon.core.config;

import io.gordon.api.config.ConfigCheck;
import io.gordon.api.config.ConfigSpec;
import io.gordon.core.config.Namespaces.Sourced;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks the values one table or plugin receives against a {@link ConfigSpec}: converts each to its
 * Java form, applies the rules, fills in defaults and reports missing required keys.
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

  /**
   * Validates {@code raw} against {@code spec} with {@link ConfigSpec#read}, the code path the test
   * doubles share, and places each problem: at the value written, or, for a key that is not written
   * (missing, or named by a spec check), at {@code missing}'s position. Keys the spec does not
   * declare are ignored.
   */
  public Result validate(ConfigSpec spec, Map<String, Sourced> raw, Missing missing) {
    Map<String, Object> written = new LinkedHashMap<>();
    raw.forEach(
        (k, s) -> {
          if (spec.key(k).isPresent()) {
            written.put(k, ConfigValues.plain(s.entry().value()));
          }
        });
    ConfigSpec.Result r = spec.read(written, root, env);
    List<ConfigProblem> problems = new ArrayList<>();
    for (ConfigCheck.Problem p : r.problems()) {
      Sourced s = raw.get(p.key());
      if (s == null) {
        s =
            spec.key(p.key())
                .flatMap(
                    k ->
                        raw.entrySet().stream()
                            .filter(e -> k.answersTo(e.getKey()))
                            .map(Map.Entry::getValue)
                            .findFirst())
                .orElse(null);
      }
      problems.add(
          s != null
              ? ConfigProblem.of(
                  s.entry().origin(),
                  s.dotted(writtenName(spec, raw, p.key())),
                  p.problem(),
                  p.expected())
              : ConfigProblem.of(
                  missing.origin(),
                  missing.keyPrefix() + "." + p.key(),
                  p.problem().equals(ConfigSpec.MISSING)
                      ? p.problem() + "; set it in " + missing.where()
                      : p.problem(),
                  p.expected()));
    }
    return new Result(r.values(), problems);
  }

  /** The name {@code key} (declared or alias) was written as. */
  private static String writtenName(ConfigSpec spec, Map<String, Sourced> raw, String key) {
    if (raw.containsKey(key)) {
      return key;
    }
    return spec.key(key)
        .flatMap(k -> raw.keySet().stream().filter(k::answersTo).findFirst())
        .orElse(key);
  }

  /**
   * Reports every key of the table at {@code table} that none of {@code specs} declares, suggesting
   * the closest declared one.
   *
   * @param entries the table's settings
   * @param specs the specs of every plugin (or core table) that receives this table
   */
  public static List<ConfigProblem> unknownKeys(
      String table, Map<String, ConfigTable.Entry> entries, Collection<ConfigSpec> specs) {
    Set<String> names = new LinkedHashSet<>();
    specs.forEach(
        spec ->
            spec.keys()
                .forEach(
                    k -> {
                      names.add(k.name());
                      names.addAll(k.aliases());
                    }));
    List<ConfigProblem> out = new ArrayList<>();
    entries.forEach(
        (k, e) -> {
          if (!names.contains(k)) {
            out.add(
                ConfigProblem.of(
                    e.origin(),
                    table + "." + k,
                    "unknown key" + Suggestions.didYouMean(k, names),
                    names.isEmpty() ? "no keys here" : "one of: " + String.join(", ", names)));
          }
        });
    return out;
  }
}
