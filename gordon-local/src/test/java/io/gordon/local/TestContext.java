package io.gordon.local;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.PluginContext;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.testing.fakes.FakePluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Plugin contexts for unit tests: given values plus the spec's defaults, the real codec. */
public final class TestContext {
  public static final EventCodec CODEC = new JsonEventCodec(new CoreSettings.Events(60, 86400));

  private TestContext() {}

  /** A context for plugin {@code name} with {@code values} over the defaults of {@code spec}. */
  public static PluginContext of(
      String name, ConfigSpec spec, Map<String, Object> values, Clock clock, Path root) {
    return FakePluginContext.of(name, spec, values, clock, root, CODEC);
  }
}
