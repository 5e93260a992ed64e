package io.gordon.testing.fakes;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.RecordReader;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A plugin context for tests and benchmarks that create one plugin on its own: the given values
 * over the spec's defaults (not validated), a no-op metric relay and health reporter, and no
 * provider behind {@link #records()}.
 *
 * @param pluginName the plugin's name
 * @param config its configuration
 * @param clock the clock it gets
 * @param configRoot the directory relative paths resolve against
 * @param events the event codec (the core's, passed in: this module does not depend on it)
 */
public record FakePluginContext(String pluginName, PluginConfig config, Clock clock,
    Path configRoot, EventCodec events) implements PluginContext {

  /** A context for plugin {@code name} with {@code values} over the defaults of {@code spec}. */
  public static FakePluginContext of(String name, ConfigSpec spec, Map<String, Object> values,
      Clock clock, Path root, EventCodec codec) {
    Map<String, Object> all = new HashMap<>();
    for (ConfigKey k : spec.keys()) {
      k.defaultValue().ifPresent(v -> all.put(k.name(), v));
    }
    all.putAll(values);
    return new FakePluginContext(name, new PluginConfig(name, all), clock, root, codec);
  }

  @Override
  public MetricRelay metrics() {
    return MetricRelay.noop();
  }

  @Override
  public RecordReader records() {
    throw new UnsupportedOperationException(pluginName + ": no DNS provider in this context");
  }

  @Override
  public HealthReporter health() {
    return new HealthReporter() {
      @Override
      public void healthy() {}

      @Override
      public void unhealthy(String reason) {}
    };
  }
}
