package io.gordon.rfc2136;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;

/** Creates the {@code rfc2136} provider: RFC 2136 dynamic updates signed with TSIG. */
public final class Rfc2136PluginFactory implements PluginFactory {
  /** The plugin name. */
  public static final String NAME = "rfc2136";

  /** Needed by {@link java.util.ServiceLoader}. */
  public Rfc2136PluginFactory() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PluginKind kind() {
    return PluginKind.PROVIDER;
  }

  @Override
  public String description() {
    return "Publishes records to BIND, Knot, PowerDNS or any server accepting RFC 2136 dynamic"
        + " updates, signed with TSIG, batched per zone, with prerequisites for safe writes.";
  }

  @Override
  public ConfigSpec configSpec() {
    return Rfc2136Spec.SPEC;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return new Rfc2136Provider(
        Rfc2136Settings.from(context.config()),
        context.clock(),
        context.logger(),
        context.metrics(),
        context.health());
  }
}
