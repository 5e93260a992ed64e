package io.gordon.service;

import io.gordon.api.ConfigException;
import io.gordon.core.plugin.PluginLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gordon apply}: runs the events of files (or standard input) through the configured
 * pipeline once, without the configured sources, and prints one JSON line per event.
 */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    description = {
      "Applies events from files (one event, a JSON array, or JSON lines; - for"
          + " standard input) through the configured pipeline once, without starting the"
          + " configured sources, and prints one JSON line per event: id, outcome and history."
          + " A dead-letter file (core.dead_letter.path) is accepted as is: each letter's event"
          + " is applied again under its id. Progress is shown on a terminal.",
      "Exit status: 0 when every event was applied, 1 otherwise, 2 for bad usage or"
          + " configuration."
    })
public final class ApplyCommand implements Callable<Integer> {
  @Mixin ConfigRootOption config;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "Longest wait for all events to finish (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE|-",
      description = "Event files; - reads" + " standard input.")
  List<String> files;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<EventRun.Input> inputs = new ArrayList<>();
    for (String f : files) {
      try {
        String name = f.equals("-") ? "stdin" : Path.of(f).getFileName().toString();
        inputs.addAll(
            EventRun.inputs(
                name,
                f.equals("-")
                    ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(f), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        err.println("gordon apply: cannot read " + f + ": " + IoReason.of(e));
        return 2;
      } catch (IllegalArgumentException e) {
        err.println("gordon apply: " + e.getMessage());
        return 2;
      }
    }
    PluginLoader.Loaded loaded;
    try {
      loaded = Cli.loadForCommand(config.root(), PluginLoader.Mode.RUN, Clock.systemUTC());
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      err.println("gordon apply: the configuration is invalid; nothing was applied");
      return 2;
    }
    Cli.warn(err, loaded.warnings());
    return EventRun.apply(
        loaded.assembly(), inputs, out, Duration.ofSeconds(timeoutSeconds), "applying");
  }
}
