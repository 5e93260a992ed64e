package io.gordon.local;

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

/** A plugin context for unit tests: given values plus the spec's defaults, the real codec. */
public record TestContext(String pluginName, PluginConfig config, Clock clock, Path configRoot)
    implements PluginContext {
  public static final EventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));

  /** A context for plugin {@code name} with {@code values} over the defaults of {@code spec}. */
  public static TestContext of(String name, ConfigSpec spec, Map<String, Object> values,
      Clock clock, Path root) {
    Map<String, Object> all = new HashMap<>();
    for (ConfigKey k : spec.keys()) {
      k.defaultValue().ifPresent(v -> all.put(k.name(), v));
    }
    all.putAll(values);
    return new TestContext(name, new PluginConfig(name, all), clock, root);
  }

  @Override
  public MetricRelay metrics() {
    return MetricRelay.noop();
  }

  @Override
  public EventCodec events() {
    return CODEC;
  }

  @Override
  public RecordReader records() {
    throw new UnsupportedOperationException("no provider in unit tests");
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
