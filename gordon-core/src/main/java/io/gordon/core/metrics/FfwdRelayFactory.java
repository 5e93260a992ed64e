package io.gordon.core.metrics;

import io.gordon.api.config.ConfigKey;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.util.List;
import java.util.Optional;

/** Factory of the {@code ffwd} relay ({@link FfwdRelay}). */
public final class FfwdRelayFactory implements PluginFactory {
  @Override
  public String name() {
    return "ffwd";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.METRICS;
  }

  @Override
  public String description() {
    return "Sends every metric as one JSON datagram to an ffwd agent over UDP.";
  }

  @Override
  public ConfigSpec configSpec() {
    return ConfigSpec.builder()
        .optional(
            "key", ConfigType.STRING, "gordon-service", Rule.nonEmpty(), "The ffwd key field.")
        .add(
            new ConfigKey(
                "ffwd_ip",
                ConfigType.STRING,
                false,
                Optional.of("127.0.0.1"),
                Rule.nonEmpty(),
                "Address of the ffwd agent.",
                List.of("ip")))
        .add(
            new ConfigKey(
                "ffwd_port",
                ConfigType.INTEGER,
                false,
                Optional.of(19000L),
                Rule.between(1, 65535),
                "UDP port of the ffwd JSON input.",
                List.of("port")))
        .optional(
            "time_unit",
            ConfigType.NUMBER,
            1.0,
            Rule.any(),
            "Multiplier applied to elapsed seconds of timers (e.g. 1E9 for nanoseconds).")
        .build();
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    var c = context.config();
    return new FfwdRelay(
        Settings.string(c, "gordon-service", "key"),
        Settings.string(c, "127.0.0.1", "ffwd_ip", "ip"),
        (int) Settings.number(c, 19000, "ffwd_port", "port"),
        Settings.number(c, 1.0, "time_unit"));
  }
}
