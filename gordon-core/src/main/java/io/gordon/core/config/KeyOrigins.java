package io.gordon.core.config;

import io.gordon.api.config.ConfigSpec;
import io.gordon.core.config.Namespaces.Sourced;
import java.util.Map;
import java.util.Optional;

/** Where plugin and core keys were written, for {@link CrossCheck} problems. */
final class KeyOrigins implements CrossCheck.Origins {
  private final RawConfig raw;
  private final Namespaces ns;
  private final Map<String, ConfigSpec> specs;

  KeyOrigins(RawConfig raw, Namespaces ns, Map<String, ConfigSpec> specs) {
    this.raw = raw;
    this.ns = ns;
    this.specs = specs;
  }

  @Override
  public Origin of(String plugin, String key) {
    return given(plugin, key)
        .map(g -> g.getValue().entry().origin())
        .or(() -> raw.tree().table(plugin).map(ConfigTable::origin))
        .orElseGet(() -> raw.origin("core.plugins"));
  }

  @Override
  public String dotted(String plugin, String key) {
    return given(plugin, key).map(g -> g.getValue().dotted(g.getKey())).orElse(plugin + "." + key);
  }

  @Override
  public Origin ofCore(String dotted) {
    return raw.origin(dotted);
  }

  /** The key as written for {@code plugin} (its name may be an alias of {@code key}). */
  private Optional<Map.Entry<String, Sourced>> given(String plugin, String key) {
    ConfigSpec spec = specs.get(plugin);
    return ns.forPlugin(plugin).entrySet().stream()
        .filter(
            e ->
                e.getKey().equals(key)
                    || spec != null
                        && spec.key(key).map(k -> k.answersTo(e.getKey())).orElse(false))
        .findFirst();
  }
}
