package io.gordon.benchmarks.local;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.RecordReader;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** A plugin context for benchmarks: the spec's defaults under the given values. */
record BenchContext(String pluginName, PluginConfig config, Path configRoot)
    implements PluginContext {
  static final EventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));

  static BenchContext of(String name, ConfigSpec spec, Map<String, Object> values, Path root) {
    Map<String, Object> all = new HashMap<>();
    for (ConfigKey k : spec.keys()) {
      k.defaultValue().ifPresent(v -> all.put(k.name(), v));
    }
    all.putAll(values);
    return new BenchContext(name, new PluginConfig(name, all), root);
  }

  @Override
  public MetricRelay metrics() {
    return MetricRelay.noop();
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public EventCodec events() {
    return CODEC;
  }

  @Override
  public RecordReader records() {
    throw new UnsupportedOperationException("no records in benchmarks");
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

  @Override
  public System.Logger logger() {
    return System.getLogger("bench");
  }
}
