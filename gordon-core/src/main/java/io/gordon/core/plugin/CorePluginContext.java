package io.gordon.core.plugin;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.RecordReader;
import io.gordon.core.runtime.HealthRegistry;
import java.nio.file.Path;
import java.time.Clock;

/** The core's {@link PluginContext}: one per created plugin. */
final class CorePluginContext implements PluginContext {
  private final String name;
  private final PluginConfig config;
  private final MetricRelay metrics;
  private final Clock clock;
  private final EventCodec events;
  private final Path configRoot;
  private final RecordReader records;
  private final HealthRegistry registry;
  private HealthReporter health;

  CorePluginContext(
      String name,
      PluginConfig config,
      MetricRelay metrics,
      Clock clock,
      EventCodec events,
      Path configRoot,
      RecordReader records,
      HealthRegistry registry) {
    this.name = name;
    this.config = config;
    this.metrics = metrics;
    this.clock = clock;
    this.events = events;
    this.configRoot = configRoot;
    this.records = records;
    this.registry = registry;
  }

  /** Registers the plugin with the health registry now, so readiness waits for its start. */
  CorePluginContext registered() {
    health();
    return this;
  }

  /** Whether the plugin (or the core) has registered its health reporter. */
  synchronized boolean hasRegistered() {
    return health != null;
  }

  @Override
  public String pluginName() {
    return name;
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public MetricRelay metrics() {
    return metrics;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public EventCodec events() {
    return events;
  }

  @Override
  public Path configRoot() {
    return configRoot;
  }

  @Override
  public RecordReader records() {
    return records;
  }

  @Override
  public synchronized HealthReporter health() {
    if (health == null) {
      health = registry.register(name);
    }
    return health;
  }
}
