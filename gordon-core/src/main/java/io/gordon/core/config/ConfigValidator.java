package io.gordon.core.config;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.Namespaces.Sourced;
import io.gordon.core.ownership.OwnershipSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Validates a merged configuration completely before anything starts: the core tables against
 * {@link CoreSpec}, every active plugin's namespace against its factory's spec, and the metrics
 * relay's top-level table against the relay's spec. Collects every problem.
 */
public final class ConfigValidator {
  private final Specs specs;
  private final Function<String, String> env;

  /** Where the validator finds the specs of plugins and relays. */
  public interface Specs {
    /** The spec of the plugin listed as {@code name}; empty when it is not installed. */
    Optional<ConfigSpec> plugin(String name);

    /** The spec of the metrics relay {@code name}; empty when it is not installed. */
    Optional<ConfigSpec> relay(String name);

    /** Every installed plugin and relay name and alias. */
    Set<String> knownNames();

    /** The kind of the plugin or relay {@code name}; empty when it is not installed. */
    default Optional<PluginKind> kind(String name) {
      return Optional.empty();
    }
  }

  /** Creates a validator; {@code env} reads environment variables for secrets. */
  public ConfigValidator(Specs specs, Function<String, String> env) {
    this.specs = specs;
    this.env = env;
  }

  /** Validates {@code raw}. */
  public ValidatedConfig validate(RawConfig raw) {
    List<ConfigProblem> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Map<String, Object>> core =
        new CoreValidator(raw, env).validate(problems, warnings);
    Map<String, String> route = RouteTable.read(raw, problems);
    boolean coreOk = problems.isEmpty();
    List<String> active = activeNames(core);
    String relay = (String) core.getOrDefault("core", Map.of()).get("metrics");
    Map<String, ConfigSpec> byName = new LinkedHashMap<>();
    active.forEach(p -> specs.plugin(p).ifPresent(s -> byName.put(p, s)));
    List<String> all = new ArrayList<>(active);
    if (relay != null && !all.contains(relay)) {
      all.add(relay);
      specs.relay(relay).ifPresent(s -> byName.put(relay, s));
    }
    Namespaces ns = new Namespaces(raw.tree(), all, specs.knownNames());
    SpecValidator validator = new SpecValidator(raw.root(), env);
    Map<String, PluginConfig> configs = new LinkedHashMap<>();
    problems.addAll(unknownKeys(ns, all, byName));
    for (String p : all) {
      ConfigSpec spec = byName.get(p);
      if (spec == null) {
        continue; // not installed: the loader reports it
      }
      Map<String, Sourced> given = new LinkedHashMap<>(ns.forPlugin(p));
      given.keySet().removeIf(k -> spec.key(k).isEmpty());
      SpecValidator.Result r = validator.validate(spec, given, missing(raw, p, relay));
      r.problems().forEach(x -> problems.add(x.forPlugin(p)));
      if (problems.stream().noneMatch(x -> x.plugin().equals(Optional.of(p)))) {
        configs.put(p, new PluginConfig(p, r.values()));
      }
    }
    Optional<CoreSettings> settings =
        coreOk
            ? Optional.of(new CoreSettingsReader(core).read(raw.root(), route))
            : Optional.empty();
    settings.ifPresent(
        s -> problems.addAll(crossChecks(s, configs, byName, new KeyOrigins(raw, ns, byName))));
    problems.sort(
        Comparator.comparing((ConfigProblem x) -> x.origin().file())
            .thenComparingInt(x -> x.origin().line())
            .thenComparingInt(x -> x.origin().column()));
    warnings.addAll(unusedTables(raw, all));
    OwnershipSettings ownership =
        coreOk ? OwnershipSettings.of(core.get("core.ownership")) : OwnershipSettings.defaults();
    return new ValidatedConfig(
        raw,
        settings,
        new ArrayList<>(new LinkedHashSet<>(problems)),
        configs,
        warnings,
        ownership);
  }

  private List<ConfigProblem> crossChecks(
      CoreSettings core,
      Map<String, PluginConfig> configs,
      Map<String, ConfigSpec> specs,
      CrossCheck.Origins origins) {
    Map<String, PluginKind> kinds = new LinkedHashMap<>();
    configs.keySet().forEach(p -> this.specs.kind(p).ifPresent(k -> kinds.put(p, k)));
    Map<String, ConfigSpec> valid = new LinkedHashMap<>(specs);
    valid.keySet().retainAll(configs.keySet());
    CrossCheck.Input in = new CrossCheck.Input(core, configs, valid, kinds, origins);
    List<ConfigProblem> out = new ArrayList<>();
    CrossCheck.standard().forEach(c -> out.addAll(c.check(in)));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static List<String> activeNames(Map<String, Map<String, Object>> core) {
    Object plugins = core.getOrDefault("core", Map.of()).get("plugins");
    return plugins == null ? List.of() : ((List<String>) plugins).stream().distinct().toList();
  }

  private static SpecValidator.Missing missing(RawConfig raw, String plugin, String relay) {
    List<String> chain = new ArrayList<>(Namespaces.chain(plugin));
    Collections.reverse(chain);
    String where = String.join(" or ", chain.stream().map(c -> "[" + c + "]").toList());
    Origin at =
        raw.tree()
            .table(plugin)
            .map(ConfigTable::origin)
            .orElseGet(() -> raw.origin(plugin.equals(relay) ? "core.metrics" : "core.plugins"));
    return new SpecValidator.Missing(at, plugin, where);
  }

  /**
   * Keys no receiving plugin declares. A table is received by every active plugin it is the
   * namespace of; a key in a plugin's own table must be declared by it, a key in a shared parent
   * table by at least one active plugin of that namespace.
   */
  private List<ConfigProblem> unknownKeys(
      Namespaces ns, List<String> all, Map<String, ConfigSpec> byName) {
    Set<String> tables = new TreeSet<>();
    all.forEach(p -> tables.addAll(Namespaces.chain(p)));
    List<ConfigProblem> out = new ArrayList<>();
    for (String table : tables) {
      List<String> receivers =
          all.stream().filter(p -> p.equals(table) || p.startsWith(table + ".")).toList();
      if (!receivers.stream().allMatch(byName::containsKey)) {
        continue; // a receiver is not installed; its keys are unknown
      }
      List<ConfigProblem> found =
          SpecValidator.unknownKeys(
              table, ns.settings(table), receivers.stream().map(byName::get).toList());
      found.forEach(x -> out.add(receivers.size() == 1 ? x.forPlugin(receivers.get(0)) : x));
    }
    return out;
  }

  private List<String> unusedTables(RawConfig raw, List<String> all) {
    List<String> out = new ArrayList<>();
    Set<String> known = specs.knownNames();
    new TreeMap<>(raw.tree().entries())
        .forEach(
            (k, e) -> {
              boolean used =
                  k.equals("core")
                      || k.equals("janitor")
                      || all.stream().anyMatch(p -> inNamespace(p, k));
              boolean installed = known.stream().anyMatch(p -> inNamespace(p, k));
              if (!used && !installed) {
                out.add(
                    e.origin()
                        + ": "
                        + (e.value() instanceof ConfigTable
                            ? "table [" + k + "]"
                            : "top-level key " + k)
                        + " is not used by any installed plugin; ignored");
              }
            });
    return out;
  }

  private static boolean inNamespace(String plugin, String top) {
    return plugin.equals(top) || plugin.startsWith(top + ".");
  }
}
