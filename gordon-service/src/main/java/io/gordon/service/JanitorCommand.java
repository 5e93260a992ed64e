package io.gordon.service;

import io.gordon.core.config.RawConfig;
import io.gordon.core.janitor.Janitor;
import io.gordon.core.janitor.JanitorConfig;
import io.gordon.core.janitor.JanitorReport;
import io.gordon.core.janitor.JanitorRun;
import io.gordon.core.logging.GordonLogging;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gordon janitor}: one reconciliation run, then exit. See docs/janitor.md. */
@Command(
    name = "janitor",
    mixinStandardHelpOptions = true,
    description = {
      "Reconciles the zones once with what the authorities say should exist, then"
          + " exits. Reads gordon-janitor.toml (+ gordon-janitor-user.toml) when present, else"
          + " gordon.toml with its [janitor] table. Only record sets this gordon owns are"
          + " replaced or deleted.",
      "Exit status: 0 done, 1 a zone or change failed, 2 bad usage or configuration,"
          + " 3 the deletion guard tripped (use --force to pass it once)."
    })
public final class JanitorCommand implements Callable<Integer> {
  @Mixin ConfigRootOption config;

  @Option(
      names = "--dry-run",
      description =
          "Print the plan (per zone: additions,"
              + " replacements, deletions with old and new values, totals); change nothing.")
  boolean dryRun;

  @Option(names = "--force", description = "Let the deletion guard pass for this run.")
  boolean force;

  @Option(
      names = "--adopt",
      description =
          "Take over (mark as owned) existing record sets"
              + " that no gordon owns, where the authority lists them.")
  boolean adopt;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "text|json",
      description = "Output: text (default) or json (one document).")
  Format format;

  /** Output formats. */
  enum Format {
    text,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Clock clock = Clock.systemUTC();
    PluginCatalog catalog = PluginCatalog.discover(config.root().toAbsolutePath().normalize());
    RawConfig raw = JanitorConfig.load(config.root(), catalog);
    Janitor janitor = new Janitor(raw, catalog, clock, System::getenv);
    // Logs go to standard error (or syslog) as configured, never into the printed plan.
    new PluginLoader(catalog, clock, System::getenv)
        .forJanitor()
        .validate(raw)
        .settings()
        .ifPresent(s -> GordonLogging.configure(s.logging()));
    JanitorReport report = janitor.runOnce(new JanitorRun.Options(dryRun, force, adopt));
    Cli.warn(err, janitor.warnings());
    if (format == Format.json) {
      out.println(JanitorOutput.json(report));
    } else {
      JanitorOutput.text(report, out);
    }
    out.flush();
    report.errors().forEach(e -> err.println("gordon janitor: " + e));
    report.plan().errors().forEach(e -> err.println("gordon janitor: " + e));
    report
        .plan()
        .zones()
        .forEach(z -> z.guard().ifPresent(g -> err.println("gordon janitor: " + g)));
    return report.exitStatus();
  }
}
