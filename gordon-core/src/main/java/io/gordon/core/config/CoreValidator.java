package io.gordon.core.config;

import io.gordon.api.config.ConfigSpec;
import io.gordon.core.config.Namespaces.Sourced;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Validates the {@code [core]} table and its sub-tables against {@link CoreSpec}. */
final class CoreValidator {
  private final RawConfig raw;
  private final SpecValidator validator;

  CoreValidator(RawConfig raw, Function<String, String> env) {
    this.raw = raw;
    this.validator = new SpecValidator(raw.root(), env);
  }

  /**
   * Returns each core table's validated values, adding every problem to {@code problems} and every
   * warning to {@code warnings}.
   */
  Map<String, Map<String, Object>> validate(List<ConfigProblem> problems, List<String> warnings) {
    Map<String, ConfigSpec> tables = new TreeMap<>(CoreSpec.tables());
    Map<String, Map<String, Object>> out = new LinkedHashMap<>();
    tables.forEach(
        (path, spec) -> {
          Map<String, ConfigTable.Entry> entries = new LinkedHashMap<>();
          ConfigTable t = raw.tree().table(path).orElse(null);
          raw.tree()
              .originOf(path)
              .filter(o -> t == null)
              .ifPresent(
                  o ->
                      problems.add(
                          ConfigProblem.of(
                              o,
                              path,
                              "invalid value " + ConfigValues.repr(valueAt(path)),
                              "a table")));
          if (t != null) {
            t.entries()
                .forEach(
                    (k, e) -> {
                      if (path.equals("core.logging")
                          && k.equals("proto")
                          && e.value() instanceof Long n) {
                        entries.put(
                            k,
                            new ConfigTable.Entry(n.toString(), e.origin())); // the original's 1/2
                      } else if (!tables.containsKey(path + "." + k)) {
                        entries.put(k, e);
                      }
                    });
          }
          List<ConfigProblem> unknown = SpecValidator.unknownKeys(path, entries, List.of(spec));
          if (path.equals("core.logging")) {
            // The original passes other core.logging keys to its handlers (ulogger); configs
            // written for it carry some (format, date_format...) that mean nothing here.
            unknown.forEach(
                u ->
                    warnings.add(
                        u.origin()
                            + ": "
                            + u.key()
                            + ": not used by gordon's"
                            + " log handlers; ignored (gordon reads "
                            + u.expected().replace("one of: ", "")
                            + ")"));
            unknown.forEach(u -> entries.remove(u.key().substring(path.length() + 1)));
          } else {
            problems.addAll(unknown);
          }
          Map<String, Sourced> given = new LinkedHashMap<>();
          entries.forEach(
              (k, e) -> {
                if (spec.key(k).isPresent()) {
                  given.put(k, new Sourced(path, e));
                }
              });
          Origin at = t != null ? t.origin() : raw.fileOrigin();
          SpecValidator.Result r =
              validator.validate(
                  spec, given, new SpecValidator.Missing(at, path, "[" + path + "]"));
          problems.addAll(r.problems());
          out.put(path, r.values());
        });
    crossChecks(out, problems);
    return out;
  }

  private Object valueAt(String path) {
    int dot = path.lastIndexOf('.');
    return (dot < 0 ? raw.tree() : raw.tree().table(path.substring(0, dot)).orElseThrow())
        .entry(path.substring(dot + 1))
        .orElseThrow()
        .value();
  }

  private void crossChecks(Map<String, Map<String, Object>> out, List<ConfigProblem> problems) {
    Map<String, Object> events = out.get("core.events");
    if (events.get("min_ttl") instanceof Long min
        && events.get("max_ttl") instanceof Long max
        && min > max) {
      problems.add(
          ConfigProblem.of(
              raw.origin("core.events.min_ttl"),
              "core.events.min_ttl",
              "invalid value " + min,
              "at most core.events.max_ttl = " + max));
    }
    Map<String, Object> retry = out.get("core.retry");
    if (retry.get("initial_delay") instanceof Duration a
        && retry.get("max_delay") instanceof Duration b
        && a.compareTo(b) > 0) {
      problems.add(
          ConfigProblem.of(
              raw.origin("core.retry.initial_delay"),
              "core.retry.initial_delay",
              "invalid value " + ConfigValues.repr(a),
              "at most core.retry.max_delay = " + ConfigValues.repr(b)));
    }
  }
}
