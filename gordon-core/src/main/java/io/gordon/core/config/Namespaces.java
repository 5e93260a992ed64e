package io.gordon.core.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plugin configuration namespacing as the original gordon did it (gordon.md 1.4.4), without its
 * bugs. A plugin named {@code a.b} receives the settings of {@code [a]} overridden by those of
 * {@code [a.b]}: the merge is one level deep per namespace, and a plugin never sees {@code core}
 * nor another plugin's table. A plugin without any table receives nothing (not a crash), and
 * namespaces are matched on whole dotted segments ({@code xyz.a} is not a prefix of {@code
 * xyz.abc}).
 */
public final class Namespaces {
  private final ConfigTable root;
  private final Set<String> claimed;

  /**
   * A value a plugin receives and the table it was written in.
   *
   * @param table dotted path of the table, e.g. {@code gcp}
   * @param entry the value and its position
   */
  public record Sourced(String table, ConfigTable.Entry entry) {
    /** The full dotted key of {@code key} in this table. */
    public String dotted(String key) {
      return table + "." + key;
    }
  }

  /**
   * Creates the namespaces of {@code root}.
   *
   * @param active plugin names that are listed in core.plugins
   * @param known every installed plugin name and alias: a sub-table named after one of them is that
   *     plugin's table, never a setting of its parent, even when the plugin is not active
   */
  public Namespaces(ConfigTable root, Collection<String> active, Collection<String> known) {
    this.root = root;
    this.claimed = new TreeSet<>(active);
    this.claimed.addAll(known);
  }

  /** The namespaces of a plugin from the root down: {@code a.b.c} → a, a.b, a.b.c. */
  public static List<String> chain(String plugin) {
    List<String> out = new ArrayList<>();
    int i = -1;
    while ((i = plugin.indexOf('.', i + 1)) >= 0) {
      out.add(plugin.substring(0, i));
    }
    out.add(plugin);
    return out;
  }

  /**
   * The settings written in the table at {@code path}: every entry but the sub-tables that belong
   * to plugins (their own tables or namespaces of them). Empty when there is no table.
   */
  public Map<String, ConfigTable.Entry> settings(String path) {
    Map<String, ConfigTable.Entry> out = new LinkedHashMap<>();
    root.table(path)
        .ifPresent(
            t ->
                t.entries()
                    .forEach(
                        (k, e) -> {
                          if (!(e.value() instanceof ConfigTable
                              && isPluginTable(path + "." + k))) {
                            out.put(k, e);
                          }
                        }));
    return out;
  }

  /** Whether a table at {@code path} is a plugin's table or a namespace holding one. */
  public boolean isPluginTable(String path) {
    return claimed.stream().anyMatch(c -> c.equals(path) || c.startsWith(path + "."));
  }

  /** What {@code plugin} receives: its namespaces' settings, the more specific ones winning. */
  public Map<String, Sourced> forPlugin(String plugin) {
    Map<String, Sourced> out = new LinkedHashMap<>();
    for (String ns : chain(plugin)) {
      settings(ns).forEach((k, e) -> out.put(k, new Sourced(ns, e)));
    }
    return out;
  }
}
