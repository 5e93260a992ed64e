package io.gordon.service;

import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.EventMessage;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.EventSource;
import io.gordon.core.router.Pipeline;
import io.gordon.core.router.Router;
import io.gordon.core.router.RouterBuilder;
import io.gordon.core.router.Settled;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.PluginLifecycle;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs inputs through the configured pipeline once (what {@code apply} and {@code replay} do) and
 * prints one JSON line per event on standard output.
 */
final class EventRun {
  private EventRun() {}

  /**
   * One input text: a file, standard input, or one dead letter.
   *
   * @param name how results without an id name it, e.g. {@code events.json}
   * @param text events (one, an array or JSON lines)
   * @param id the id its events get when they carry none, e.g. the dead letter's
   */
  record Input(String name, String text, Optional<String> id) {}

  /** The inputs of one file: its events, or each of its dead letters. */
  static List<Input> inputs(String name, String text) {
    Optional<List<DeadLetterFile.Letter>> letters;
    try {
      letters = DeadLetterFile.read(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    return letters
        .map(l -> letters(name, l))
        .orElseGet(() -> List.of(new Input(name, text, Optional.empty())));
  }

  /** Each dead letter as an input keeping its id. */
  static List<Input> letters(String name, List<DeadLetterFile.Letter> letters) {
    return letters.stream()
        .map(l -> new Input(name + ":" + l.line(), l.text(), Optional.of(l.id())))
        .toList();
  }

  /** Applies the inputs; returns the exit status (0 when every event was applied). */
  static int apply(
      Assembly assembly, List<Input> inputs, PrintWriter out, Duration timeout, String what)
      throws InterruptedException {
    List<EventMessage> messages = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    Clock clock = Clock.systemUTC();
    for (Input in : inputs) {
      List<Decoded> decoded = assembly.codec().decodeAll(in.text());
      for (Decoded d : decoded) {
        String fallback =
            in.id()
                .map(id -> decoded.size() == 1 ? id : id + "-" + d.index())
                .orElse(in.name() + ":" + (d.index() + 1));
        if (d.ok()) {
          DnsEvent e = d.event().orElseThrow();
          messages.add(
              EventMessage.create(
                  e.id().orElse(fallback),
                  e,
                  "consume",
                  clock.instant(),
                  Map.of("file", in.name(), "item", Integer.toString(d.index()))));
        } else {
          invalid.add(ApplyOutput.invalid(fallback, d.problems()));
        }
      }
    }
    List<Settled> results = messages.isEmpty() ? List.of() : run(assembly, messages, timeout, what);
    boolean ok = invalid.isEmpty();
    for (Settled s : results) {
      ok &= s.outcome().state().equals("applied");
      out.println(ApplyOutput.settled(s));
    }
    invalid.forEach(out::println);
    out.flush();
    return ok ? 0 : 1;
  }

  /** As {@link Pipeline#runOnce(Assembly, List, Duration)}, showing progress on a terminal. */
  private static List<Settled> run(
      Assembly assembly, List<EventMessage> messages, Duration timeout, String what)
      throws InterruptedException {
    PluginLifecycle plugins = new PluginLifecycle(assembly.health());
    plugins.start(assembly.startOrder(), p -> !(p.plugin() instanceof EventSource));
    Router router = RouterBuilder.from(assembly, Clock.systemUTC()).build();
    try (Progress p =
        Progress.start(what, messages.size(), () -> Progress.settled(router.stats()))) {
      return Pipeline.runOnce(router, messages, timeout);
    } finally {
      plugins.shutdown();
      assembly.metrics().cleanup();
    }
  }
}
