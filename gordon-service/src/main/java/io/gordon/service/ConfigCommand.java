package io.gordon.service;

import io.gordon.api.ConfigException;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.core.config.ConfigPrinter;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.Assembly;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gordon config}: validates the configuration and prints it. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = {
      "Validates the configuration as `run` would (plugins are created, not "
          + "started) and prints the effective merged configuration, or the exact configuration "
          + "one plugin receives. Secrets are redacted. core.debug does not relax the check.",
      "Exit status: 0 valid, 2 invalid (every problem is printed with FILE:LINE:COL), 1 when "
          + "--check-providers finds a provider failing."
    })
final class ConfigCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    toml,
    json
  }

  @Mixin ConfigRootOption config;

  @Option(
      names = "--plugin",
      paramLabel = "NAME",
      description =
          "Print only what this plugin (or the metrics relay) receives: its "
              + "namespace merged, validated, defaults applied.")
  String plugin;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "toml",
      description = "toml (with each value's origin as a comment) or json. Default: toml.")
  Format format;

  @Option(
      names = "--check-providers",
      description =
          "Instead of printing the configuration, start each DNS provider, call its "
              + "check (connectivity, credentials) and report ok or the failure per provider.")
  boolean checkProviders;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PluginLoader.Loaded loaded =
        Cli.load(config.root(), PluginLoader.Mode.CHECK, Clock.systemUTC());
    PrintWriter out = spec.commandLine().getOut();
    Cli.warn(spec.commandLine().getErr(), loaded.warnings());
    try {
      if (checkProviders) {
        return checkProviders(loaded.assembly(), out);
      }
      Map<String, Object> tree =
          plugin == null
              ? ConfigPrinter.effective(
                  loaded.config().raw(), secretKeys(loaded), loaded.assembly().settings().route())
              : ConfigPrinter.plugin(pluginConfig(loaded));
      out.print(format == Format.json ? ConfigPrinter.toJson(tree) : ConfigPrinter.toToml(tree));
      out.flush();
      return Main.OK;
    } finally {
      Cli.discard(loaded.assembly());
    }
  }

  private PluginConfig pluginConfig(PluginLoader.Loaded loaded) {
    PluginConfig pc = loaded.config().configs().get(plugin);
    if (pc == null) {
      throw new ConfigException(
          "--plugin "
              + plugin
              + ": not an active plugin or the metrics "
              + "relay (active: "
              + String.join(", ", loaded.config().configs().keySet())
              + ")");
    }
    return pc;
  }

  private static Set<String> secretKeys(PluginLoader.Loaded loaded) {
    Set<String> out = new HashSet<>();
    loaded
        .config()
        .configs()
        .values()
        .forEach(
            pc ->
                pc.values()
                    .forEach(
                        (k, v) -> {
                          if (v instanceof Secret) {
                            out.add(k);
                          }
                        }));
    return out;
  }

  private static int checkProviders(Assembly assembly, PrintWriter out) {
    int failed = 0;
    for (Assembly.Named<DnsProvider> p : assembly.providers()) {
      try {
        p.plugin().start();
        p.plugin().check();
        out.println(
            "ok      "
                + p.name()
                + " (zones: "
                + String.join(", ", new TreeSet<>(p.plugin().zones()))
                + ")");
      } catch (RuntimeException e) {
        failed++;
        out.println(
            "FAILED  "
                + p.name()
                + ": "
                + (e.getMessage() != null ? e.getMessage() : e.toString()));
      }
    }
    if (assembly.providers().isEmpty()) {
      out.println("no DNS provider is configured");
    }
    out.flush();
    return failed == 0 ? Main.OK : Main.FAILURE;
  }
}
