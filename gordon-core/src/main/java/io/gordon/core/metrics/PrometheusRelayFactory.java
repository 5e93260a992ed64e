package io.gordon.core.metrics;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;

/** Factory of the {@code prometheus} relay ({@link PrometheusRelay}). */
public final class PrometheusRelayFactory implements PluginFactory {
  @Override
  public String name() {
    return "prometheus";
  }

  @Override
  public PluginKind kind() {
    return PluginKind.METRICS;
  }

  @Override
  public String description() {
    return "Keeps metrics in Micrometer and serves them at the admin server's /metrics.";
  }

  @Override
  public ConfigSpec configSpec() {
    return ConfigSpec.empty();
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return new PrometheusRelay();
  }
}
