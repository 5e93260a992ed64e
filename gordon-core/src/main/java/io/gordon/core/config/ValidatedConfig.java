package io.gordon.core.config;

import io.gordon.api.config.PluginConfig;
import io.gordon.core.ownership.OwnershipSettings;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration after validation.
 *
 * @param raw the merged configuration it was validated from
 * @param settings the core settings; empty when a core table is invalid
 * @param problems every problem found, in file order
 * @param configs the validated configuration of each active plugin and of the metrics relay whose
 *     own configuration is valid, by the name listed
 * @param warnings things that are not errors but look like mistakes, each one line
 * @param ownership {@code [core.ownership]}; the defaults when a core table is invalid
 */
public record ValidatedConfig(
    RawConfig raw,
    Optional<CoreSettings> settings,
    List<ConfigProblem> problems,
    Map<String, PluginConfig> configs,
    List<String> warnings,
    OwnershipSettings ownership) {

  /** Copies the collections. */
  public ValidatedConfig {
    Objects.requireNonNull(raw, "raw == null");
    problems = List.copyOf(problems);
    configs = Map.copyOf(configs);
    warnings = List.copyOf(warnings);
    Objects.requireNonNull(ownership, "ownership == null");
  }

  /** A validated configuration with the default {@code [core.ownership]}. */
  public ValidatedConfig(
      RawConfig raw,
      Optional<CoreSettings> settings,
      List<ConfigProblem> problems,
      Map<String, PluginConfig> configs,
      List<String> warnings) {
    this(raw, settings, problems, configs, warnings, OwnershipSettings.defaults());
  }

  /** The problems that belong to no single plugin (core tables, shared tables). */
  public List<ConfigProblem> generalProblems() {
    return problems.stream().filter(p -> p.plugin().isEmpty()).toList();
  }

  /** The problems of one plugin (or of the metrics relay). */
  public List<ConfigProblem> problemsOf(String plugin) {
    return problems.stream().filter(p -> p.plugin().equals(Optional.of(plugin))).toList();
  }
}
