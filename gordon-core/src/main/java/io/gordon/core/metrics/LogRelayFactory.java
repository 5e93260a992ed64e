package io.gordon.core.metrics;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.logging.LoggingSpec;

/** Factory of the default {@code metrics-logger} relay ({@link LogRelay}). */
public final class LogRelayFactory implements PluginFactory {
  @Override
  public String name() {
    return "metrics-logger";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.METRICS;
  }

  @Override
  public String description() {
    return "Logs every metric on logger gordon.metrics-logger, as the original gordon did.";
  }

  @Override
  public ConfigSpec configSpec() {
    return ConfigSpec.builder()
        .optional(
            "log_level",
            ConfigType.STRING,
            "info",
            LoggingSpec.LEVEL,
            "Level at which metric lines are logged.")
        .optional(
            "time_unit",
            ConfigType.NUMBER,
            1.0,
            Rule.any(),
            "Multiplier applied to elapsed seconds of timers.")
        .build();
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return new LogRelay(
        Settings.string(context.config(), "info", "log_level"),
        Settings.number(context.config(), 1.0, "time_unit"));
  }
}
