package io.gordon.api.plugin;

import io.gordon.api.config.PluginConfig;
import java.nio.file.Path;
import java.time.Clock;

/**
 * What the core gives a plugin when creating it. Implemented by the core; new methods are added
 * with defaults, so plugins compiled against an older API keep working.
 */
public interface PluginContext {
  /** The plugin's name as listed in {@code core.plugins}. */
  String pluginName();

  /** The plugin's validated configuration. */
  PluginConfig config();

  /** The metric relay chosen by {@code core.metrics}. Fast; never throws. */
  MetricRelay metrics();

  /** The clock to use for every timestamp and timeout (tests inject a fixed one). */
  Clock clock();

  /** The shared event decoder (generic events and GCE audit-log entries). */
  EventCodec events();

  /** The directory holding {@code gordon.toml}; relative paths in config resolve against it. */
  Path configRoot();

  /**
   * Read access to the live records of the configured DNS provider, for enrichers that must look up
   * what exists (e.g. the A record of a deleted instance). Reads fail with a {@link
   * io.gordon.api.PermanentException} when no provider is configured.
   */
  RecordReader records();

  /** Where the plugin reports its health for {@code /readyz}. */
  HealthReporter health();

  /** A logger named after the plugin. */
  default System.Logger logger() {
    return System.getLogger("gordon." + pluginName());
  }
}
