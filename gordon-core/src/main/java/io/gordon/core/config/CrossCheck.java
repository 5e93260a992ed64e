package io.gordon.core.config;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.PluginKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A rule over several keys, possibly of several plugins, that the per-key rules cannot express (a
 * public address needs a token, two servers cannot share a port, a zone has one provider). It runs
 * at validation time, so {@code gordon config} reports what {@code gordon run} would refuse, each
 * problem at the position of the key at fault.
 */
@FunctionalInterface
public interface CrossCheck {
  /** Every problem found; empty when the rule holds. */
  List<ConfigProblem> check(Input in);

  /**
   * What a check sees: the validated values and where each was written.
   *
   * @param core the core settings
   * @param configs the valid configuration of each active plugin and of the metrics relay
   * @param specs the spec of each plugin in {@code configs}
   * @param kinds the kind of each plugin in {@code configs}, where known
   * @param origins where each plugin key was written
   */
  record Input(
      CoreSettings core,
      Map<String, PluginConfig> configs,
      Map<String, ConfigSpec> specs,
      Map<String, PluginKind> kinds,
      Origins origins) {
    /** Copies the maps. */
    public Input {
      Objects.requireNonNull(core, "core == null");
      configs = Map.copyOf(configs);
      specs = Map.copyOf(specs);
      kinds = Map.copyOf(kinds);
      Objects.requireNonNull(origins, "origins == null");
    }

    /** The plugins of {@code configs}, by name. */
    public List<String> plugins() {
      return configs.keySet().stream().sorted().toList();
    }

    /** True when {@code plugin}'s spec declares {@code key}. */
    public boolean declares(String plugin, String key) {
      return Optional.ofNullable(specs.get(plugin)).flatMap(s -> s.key(key)).isPresent();
    }

    /** A value of a plugin, if it has one (given or by default). */
    public Optional<Object> value(String plugin, String key) {
      return Optional.ofNullable(configs.get(plugin)).map(c -> c.values().get(key));
    }
  }

  /** Positions of keys. */
  interface Origins {
    /** Where {@code plugin}'s {@code key} was written (its table, or core.plugins, if not). */
    Origin of(String plugin, String key);

    /** The full dotted name a problem with {@code plugin}'s {@code key} should show. */
    String dotted(String plugin, String key);

    /** Where the core key {@code dotted} (e.g. core.admin.listen) was written. */
    Origin ofCore(String dotted);
  }

  /** The checks every configuration passes. */
  static List<CrossCheck> standard() {
    return List.of(
        ListenChecks::publicWithoutToken,
        ListenChecks::portClashes,
        ZoneChecks::oneProviderPerZone);
  }
}
