package io.gordon.service;

import io.gordon.api.ConfigException;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Decoded;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.router.Pipeline;
import io.gordon.core.router.Settled;
import io.gordon.core.runtime.Assembly;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = {"Applies events from files (one event, a JSON array, or JSON lines; - for"
        + " standard input) through the configured pipeline once, without starting the"
        + " configured sources, and prints one JSON line per event: id, outcome and history.",
        "Exit status: 0 when every event was applied, 1 otherwise, 2 for bad usage or"
            + " configuration."})
public final class ApplyCommand implements Callable<Integer> {
  @Mixin
  ConfigRootOption config;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
      description = "Longest wait for all events to finish (default ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Parameters(arity = "1..*", paramLabel = "FILE|-", description = "Event files; - reads"
      + " standard input.")
  List<String> files;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Input> inputs = new ArrayList<>();
    for (String f : files) {
      try {
        inputs.add(new Input(f.equals("-") ? "stdin" : Path.of(f).getFileName().toString(),
            f.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(f), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        err.println("gordon apply: cannot read " + f + ": " + e.getMessage());
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
    return apply(loaded.assembly(), inputs, out);
  }

  private record Input(String name, String text) {}

  private int apply(Assembly assembly, List<Input> inputs, PrintWriter out)
      throws InterruptedException {
    List<EventMessage> messages = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    boolean ok = true;
    Clock clock = Clock.systemUTC();
    for (Input in : inputs) {
      for (Decoded d : assembly.codec().decodeAll(in.text())) {
        String fallback = in.name() + ":" + (d.index() + 1);
        if (d.ok()) {
          DnsEvent e = d.event().orElseThrow();
          messages.add(EventMessage.create(e.id().orElse(fallback), e, "consume",
              clock.instant(), Map.of("file", in.name(), "item", Integer.toString(d.index()))));
        } else {
          ok = false;
          lines.add(ApplyOutput.invalid(fallback, d.problems()));
        }
      }
    }
    List<Settled> results = messages.isEmpty() ? List.of()
        : Pipeline.runOnce(assembly, messages, Duration.ofSeconds(timeoutSeconds));
    for (Settled s : results) {
      ok &= s.outcome().state().equals("applied");
      out.println(ApplyOutput.settled(s));
    }
    lines.forEach(out::println);
    out.flush();
    return ok ? 0 : 1;
  }
}
