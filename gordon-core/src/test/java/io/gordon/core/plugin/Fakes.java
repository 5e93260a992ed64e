package io.gordon.core.plugin;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.model.Change;
import io.gordon.api.model.EventMessage;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import io.gordon.api.plugin.SourceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Programmable plugin factories and plugins for loader tests. */
final class Fakes {
  private Fakes() {}

  /** A factory that creates whatever {@code create} returns. */
  record Factory(
      String name,
      List<String> aliases,
      PluginKind kind,
      ConfigSpec configSpec,
      Function<PluginContext, GordonPlugin> creator)
      implements PluginFactory {
    @Override
    public String description() {
      return "A fake " + kind + ".";
    }

    @Override
    public GordonPlugin create(PluginContext context) {
      return creator.apply(context);
    }
  }

  static Factory factory(
      String name, PluginKind kind, Function<PluginContext, GordonPlugin> creator) {
    return new Factory(name, List.of(), kind, ConfigSpec.empty(), creator);
  }

  static Factory source(String name) {
    return factory(name, PluginKind.SOURCE, c -> new Source("consume"));
  }

  static Factory handler(String name, String phase) {
    return factory(name, PluginKind.HANDLER, c -> new Handler(phase, c));
  }

  static Factory provider(String name, String... zones) {
    return factory(name, PluginKind.PROVIDER, c -> new Provider(Set.of(zones)));
  }

  static Factory relay(String name) {
    return factory(name, PluginKind.METRICS, c -> new Relay());
  }

  /** A source that is also the cleanup handler, as the original's Pub/Sub consumer. */
  static class Source implements EventSource, MessageHandler {
    final String start;

    Source(String start) {
      this.start = start;
    }

    @Override
    public String startPhase() {
      return start;
    }

    @Override
    public void run(SourceContext context) {}

    @Override
    public void stop() {}

    @Override
    public String phase() {
      return "cleanup";
    }

    @Override
    public EventMessage handle(EventMessage message) {
      return message;
    }
  }

  /** A handler that remembers its context. */
  record Handler(String phase, PluginContext context) implements MessageHandler {
    @Override
    public EventMessage handle(EventMessage message) {
      return message;
    }
  }

  /** A provider serving fixed zones and reading back one record per name. */
  record Provider(Set<String> zones) implements DnsProvider {
    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      return List.of();
    }

    @Override
    public Optional<RecordSet> read(String name, RecordType type) {
      return Optional.of(RecordSet.of(name, type, 60, "192.0.2.1"));
    }

    @Override
    public List<RecordSet> list(String zone) {
      return List.of();
    }
  }

  /** A relay that drops everything. */
  static final class Relay implements MetricRelay, GordonPlugin {
    @Override
    public void incr(String name, long value, Map<String, String> context) {}

    @Override
    public void set(String name, double value, Map<String, String> context) {}

    @Override
    public void timing(String name, Duration elapsed, Map<String, String> context) {}
  }

  /** A dead-letter sink that drops everything. */
  static final class Sink implements DeadLetterSink {
    @Override
    public void park(DeadLetter letter) {}
  }
}
