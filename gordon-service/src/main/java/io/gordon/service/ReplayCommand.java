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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gordon replay}: applies dead letters again, all or those a filter selects. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Re-submits the dead letters of FILE (core.dead_letter.path) through the"
          + " configured pipeline once, as apply does, and prints one JSON line per event. Stop"
          + " the service first (it holds the zone files), or use --print and post the events"
          + " to a running local.http source.",
      "Exit status: 0 when every selected event was applied, 1 otherwise, 2 for bad usage,"
          + " an unreadable file or an invalid configuration."
    })
final class ReplayCommand implements Callable<Integer> {
  @Mixin ConfigRootOption config;

  @Option(
      names = "--reason",
      paramLabel = "TEXT",
      description = "Only letters whose reason contains TEXT (case-insensitive).")
  String reason;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Only letters whose event has a record named NAME (trailing dot optional).")
  String name;

  @Option(
      names = "--print",
      description =
          "Print the selected events as JSON lines instead of"
              + " applying them (ids get a \"-replay\" suffix, so a running service does not take them"
              + " for duplicates of the dead-lettered ones).")
  boolean print;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "Longest wait for all events to finish (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Parameters(index = "0", paramLabel = "FILE", description = "A dead-letter file.")
  Path file;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<DeadLetterFile.Letter> letters;
    try {
      letters =
          DeadLetterFile.read(Files.readString(file, StandardCharsets.UTF_8))
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "line 1 is not a dead letter"
                              + " (expected a JSON object with id, parkedAt, reason and event or payload)"));
    } catch (IOException e) {
      err.println("gordon replay: cannot read " + file + ": " + IoReason.of(e));
      return 2;
    } catch (IllegalArgumentException e) {
      err.println("gordon replay: " + file + ": " + e.getMessage());
      return 2;
    }
    List<DeadLetterFile.Letter> chosen =
        letters.stream()
            .filter(l -> l.matches(Optional.ofNullable(reason), Optional.ofNullable(name)))
            .toList();
    err.println(
        "gordon replay: " + chosen.size() + " of " + letters.size() + " dead letters selected");
    if (print) {
      chosen.forEach(l -> out.println(l.replayLine()));
      out.flush();
      return 0;
    }
    PluginLoader.Loaded loaded;
    try {
      loaded = Cli.loadForCommand(config.root(), PluginLoader.Mode.RUN, Clock.systemUTC());
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      err.println("gordon replay: the configuration is invalid; nothing was replayed");
      return 2;
    }
    Cli.warn(err, loaded.warnings());
    return EventRun.apply(
        loaded.assembly(),
        EventRun.letters(file.getFileName().toString(), chosen),
        out,
        Duration.ofSeconds(timeoutSeconds),
        "replaying");
  }
}
