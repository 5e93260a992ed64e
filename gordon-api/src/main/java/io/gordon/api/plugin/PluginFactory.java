package io.gordon.api.plugin;

import io.gordon.api.config.ConfigSpec;
import java.util.List;

/**
 * Creates one kind of plugin; discovered with {@link java.util.ServiceLoader}. Implementations need
 * a public no-argument constructor and must be cheap to construct: the core instantiates every
 * factory on the classpath to list them, and creates plugins only for the names in {@code
 * core.plugins}.
 */
public interface PluginFactory {
  /** The name used in {@code core.plugins} and as the config table, e.g. {@code gcp.publisher}. */
  String name();

  /** Other names that select this plugin (e.g. {@code gcp.gdns} for {@code gcp.publisher}). */
  default List<String> aliases() {
    return List.of();
  }

  /** What the plugin is. */
  PluginKind kind();

  /** One sentence for {@code gordon plugins} and the reference. */
  String description();

  /** Every key the plugin reads from its table. */
  ConfigSpec configSpec();

  /**
   * Creates the plugin. Called once, after the configuration validated. Throw {@link
   * io.gordon.api.GordonException} with a clear message when the plugin cannot be built.
   *
   * @param context the plugin's name, validated config and the core services it may use
   * @return an object implementing the interface of {@link #kind()}
   */
  GordonPlugin create(PluginContext context);
}
