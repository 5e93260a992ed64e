package io.gordon.benchmarks.local;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.PluginContext;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.testing.fakes.FakePluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Plugin contexts for benchmarks: the spec's defaults under the given values, the real codec. */
final class BenchContext {
  static final EventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));

  private BenchContext() {}

  static PluginContext of(String name, ConfigSpec spec, Map<String, Object> values, Path root) {
    return FakePluginContext.of(name, spec, values, Clock.systemUTC(), root, CODEC);
  }
}
