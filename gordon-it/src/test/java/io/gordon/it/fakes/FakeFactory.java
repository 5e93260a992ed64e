package io.gordon.it.fakes;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.util.List;
import java.util.function.Function;

/**
 * Base of the fake plugins the end-to-end tests package into a jar in a temporary {@code plugins/}
 * directory, so that the real gordon process discovers them there.
 */
abstract class FakeFactory implements PluginFactory {
  private final String name;
  private final List<String> aliases;
  private final PluginKind kind;
  private final ConfigSpec spec;
  private final Function<PluginContext, GordonPlugin> creator;

  FakeFactory(
      String name,
      List<String> aliases,
      PluginKind kind,
      ConfigSpec spec,
      Function<PluginContext, GordonPlugin> creator) {
    this.name = name;
    this.aliases = aliases;
    this.kind = kind;
    this.spec = spec;
    this.creator = creator;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> aliases() {
    return aliases;
  }

  @Override
  public PluginKind kind() {
    return kind;
  }

  @Override
  public String description() {
    return "Test fake " + kind.name().toLowerCase(java.util.Locale.ROOT) + ".";
  }

  @Override
  public ConfigSpec configSpec() {
    return spec;
  }

  @Override
  public GordonPlugin create(PluginContext context) {
    return creator.apply(context);
  }
}
