package io.gordon.local.inventory;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.Key;
import io.gordon.api.config.Rule;
import io.gordon.api.model.DnsNames;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.util.List;

/** Creates {@code local.inventory}: the janitor authority of the embedded default. */
public final class InventoryFactory implements PluginFactory {
  static final Key<String> PATH =
      Key.string("path")
          .rule(Rule.nonEmpty())
          .required(
              "JSON file, or directory of *.json files (relative to the config directory), each "
                  + "holding an array of record sets {\"name\", \"type\", \"ttl\", \"rrdatas\"}. "
                  + "Re-read on every janitor run.");
  static final Key<List<String>> ZONES =
      Key.strings("zones")
          .rule(
              Rule.of(
                  "a non-empty list of zone names such as \"example.com.\"",
                  InventoryFactory::names))
          .required(
              "Zones the inventory covers, e.g. [\"example.com.\"]. Every record must lie"
                  + " in one of them; owned records of these zones that the inventory does not list"
                  + " are deleted.");
  static final ConfigSpec SPEC = ConfigSpec.of(PATH, ZONES);

  /** Public no-argument constructor for {@link java.util.ServiceLoader}. */
  public InventoryFactory() {}

  @Override
  public String name() {
    return "local.inventory";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.AUTHORITY;
  }

  @Override
  public String description() {
    return "Janitor authority: the desired record sets of some zones, from JSON files re-read"
        + " on every run.";
  }

  @Override
  public ConfigSpec configSpec() {
    return SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    List<String> zones =
        context.config().get(ZONES).stream().map(DnsNames::normalize).distinct().toList();
    return new InventoryAuthority(
        context.configRoot().resolve(context.config().get(PATH)), zones, context.clock());
  }

  private static boolean names(Object v) {
    if (!(v instanceof List<?> l) || l.isEmpty()) {
      return false;
    }
    for (Object o : l) {
      try {
        DnsNames.normalize(String.valueOf(o));
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return true;
  }
}
