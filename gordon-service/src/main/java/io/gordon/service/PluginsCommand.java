package io.gordon.service;

import io.gordon.api.ConfigException;
import io.gordon.api.config.ConfigKey;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.core.config.ConfigValues;
import io.gordon.core.plugin.PluginCatalog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gordon plugins}: lists every installed plugin and its keys. */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "Lists every installed plugin (class path, and jars in DIR/plugins/) with "
          + "its kind, aliases, phase where known, description and documented config keys."
    })
final class PluginsCommand implements Callable<Integer> {
  @Mixin ConfigRootOption config;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (!Files.isDirectory(config.root().toAbsolutePath())) {
      // Without this a mistyped -c listed only the built-in plugins, as if the directory had none.
      throw new ConfigException("config root " + config.root() + " is not a directory");
    }
    PluginCatalog catalog = PluginCatalog.discover(config.root().toAbsolutePath());
    PrintWriter out = spec.commandLine().getOut();
    Cli.warn(spec.commandLine().getErr(), catalog.problems());
    if (catalog.all().isEmpty()) {
      out.println("no plugins are installed");
    }
    for (PluginCatalog.Installed i : catalog.all()) {
      PluginFactory f = i.factory();
      out.println(
          f.name()
              + "  ("
              + f.kind()
              + phase(f)
              + (f.aliases().isEmpty() ? "" : ", aliases: " + String.join(", ", f.aliases()))
              + (i.location().equals("built-in") ? "" : ", from " + i.location())
              + ")");
      out.println("    " + f.description());
      for (ConfigKey k : i.spec().keys()) {
        out.println("    " + describe(k));
      }
      out.println();
    }
    out.flush();
    return Main.OK;
  }

  /** The phase a kind serves by default, as far as it is known without creating the plugin. */
  static String phase(PluginFactory f) {
    return switch (f.kind()) {
      case SOURCE -> ", start phase consume unless the plugin says otherwise";
      case PROVIDER -> ", phase publish";
      case HANDLER -> ", phase set by the plugin";
      case METRICS -> ", chosen with core.metrics";
      case DEAD_LETTER -> ", receives dead letters";
      case AUTHORITY -> ", janitor authority (gordon janitor)";
      case ZONE_READER -> ", janitor zone reader (gordon janitor)";
      case EVENT_PUBLISHER -> ", janitor event publisher (gordon janitor)";
    };
  }

  static String describe(ConfigKey k) {
    String head =
        k.name() + (k.aliases().isEmpty() ? "" : " (or " + String.join(", ", k.aliases()) + ")");
    String what =
        k.type().description()
            + (k.rule().description().isEmpty() ? "" : ", " + k.rule().description())
            + (k.required()
                ? "; required"
                : k.defaultValue()
                    .map(d -> "; default " + ConfigValues.repr(d))
                    .orElse("; optional"));
    return head + ": " + what + ". " + k.doc();
  }
}
