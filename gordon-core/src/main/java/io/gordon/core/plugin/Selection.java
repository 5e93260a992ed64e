package io.gordon.core.plugin;

import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.config.Suggestions;
import io.gordon.core.config.ValidatedConfig;
import io.gordon.core.plugin.PluginCatalog.Installed;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves the names in {@code core.plugins} and {@code core.metrics} to installed factories, and
 * sorts every problem into general ones (always fatal) and per-plugin ones (skipped with a warning
 * when {@code core.debug = true}).
 */
final class Selection {
  final Map<String, Installed> plugins = new LinkedHashMap<>();
  Optional<Installed> relay = Optional.empty();
  final List<String> general = new ArrayList<>();
  final Map<String, List<String>> perPlugin = new LinkedHashMap<>();

  Selection(PluginCatalog catalog, ValidatedConfig config, CoreSettings settings) {
    this(catalog, config, settings, false);
  }

  /** With {@code janitor}, sources and handlers are refused: a janitor runs neither. */
  Selection(PluginCatalog catalog, ValidatedConfig config, CoreSettings settings, boolean janitor) {
    String at = config.raw().origin("core.plugins").toString();
    Map<Installed, String> seen = new LinkedHashMap<>();
    for (String name : settings.plugins()) {
      Optional<Installed> found = catalog.find(name);
      if (found.isEmpty()) {
        add(
            name,
            at
                + ": core.plugins: plugin \""
                + name
                + "\" is not installed"
                + didYouMean(name, catalog.pluginNames())
                + " (installed: "
                + listOr(catalog.pluginNames(), "none")
                + ")"
                + brokenNote(catalog));
        continue;
      }
      Installed i = found.get();
      if (i.factory().kind() == PluginKind.METRICS) {
        general.add(
            at
                + ": core.plugins: \""
                + name
                + "\" is a metrics relay; select it with"
                + " core.metrics = \""
                + name
                + "\" instead");
      } else if (janitor
          && (i.factory().kind() == PluginKind.SOURCE
              || i.factory().kind() == PluginKind.HANDLER)) {
        general.add(
            at
                + ": core.plugins: \""
                + name
                + "\" is a "
                + i.factory().kind()
                + " plugin, which the janitor does not run (expected authorities, a DNS provider or"
                + " zone reader, an event publisher, a dead-letter sink)");
      } else if (seen.containsKey(i)) {
        general.add(
            at
                + ": core.plugins: plugin \""
                + i.name()
                + "\" is listed twice (as \""
                + seen.get(i)
                + "\" and \""
                + name
                + "\")");
      } else {
        seen.put(i, name);
        plugins.put(name, i);
        config.problemsOf(name).forEach(p -> add(name, p.toString()));
      }
    }
    List<String> sinks =
        plugins.entrySet().stream()
            .filter(e -> e.getValue().factory().kind() == PluginKind.DEAD_LETTER)
            .map(Map.Entry::getKey)
            .toList();
    if (sinks.size() > 1) {
      general.add(
          at
              + ": core.plugins: only one dead-letter plugin may be listed, got \""
              + String.join("\" and \"", sinks)
              + "\"");
    }
    selectRelay(catalog, config, settings.metrics());
    config.generalProblems().forEach(p -> general.add(p.toString()));
  }

  private void selectRelay(PluginCatalog catalog, ValidatedConfig config, String name) {
    relay = catalog.find(name).filter(i -> i.factory().kind() == PluginKind.METRICS);
    List<String> relays = catalog.ofKind(PluginKind.METRICS).stream().map(Installed::name).toList();
    if (relay.isEmpty()) {
      add(
          name,
          config.raw().origin("core.metrics")
              + ": core.metrics: metrics relay \""
              + name
              + "\" is not installed"
              + didYouMean(name, relays)
              + " (available: "
              + listOr(relays, "none")
              + ")");
    } else {
      config.problemsOf(name).forEach(p -> add(name, p.toString()));
    }
  }

  void add(String plugin, String problem) {
    perPlugin.computeIfAbsent(plugin, k -> new ArrayList<>()).add(problem);
  }

  private static String didYouMean(String name, Collection<String> names) {
    return Suggestions.didYouMean(name, names);
  }

  private static String listOr(Collection<String> names, String none) {
    return names.isEmpty() ? none : String.join(", ", names);
  }

  private static String brokenNote(PluginCatalog catalog) {
    List<String> broken = catalog.problems();
    return broken.isEmpty() ? "" : "; note: " + String.join("; ", broken);
  }
}
