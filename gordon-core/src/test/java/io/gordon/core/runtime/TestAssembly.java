package io.gordon.core.runtime;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.runtime.Assembly.Named;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds assemblies for runtime tests, the way the plugin loader would. */
final class TestAssembly {
  final List<Named<EventSource>> sources = new ArrayList<>();
  final List<Named<MessageHandler>> handlers = new ArrayList<>();
  final List<Named<DnsProvider>> providers = new ArrayList<>();
  final List<Named<GordonPlugin>> order = new ArrayList<>();
  Duration shutdownTimeout = Duration.ofSeconds(5);
  Duration healthThreshold = Duration.ofSeconds(30);
  Map<String, String> route = Map.of("consume", "publish", "publish", "cleanup");
  Optional<Named<DeadLetterSink>> deadLetters = Optional.empty();
  MetricRelay metrics = MetricRelay.noop();
  final Path dir;

  TestAssembly(Path dir) {
    this.dir = dir;
  }

  static <T> Named<T> named(String name, T plugin) {
    return new Named<>(name, plugin, new PluginConfig(name, Map.of()));
  }

  TestAssembly source(String name, EventSource s) {
    sources.add(named(name, s));
    order.add(named(name, s));
    return this;
  }

  TestAssembly handler(String name, MessageHandler h) {
    handlers.add(named(name, h));
    order.add(named(name, h));
    return this;
  }

  TestAssembly provider(String name, DnsProvider p) {
    providers.add(named(name, p));
    order.add(named(name, p));
    return this;
  }

  Assembly build(Clock clock, EventCodec codec) {
    CoreSettings d = CoreSettings.defaults(dir);
    CoreSettings s =
        new CoreSettings(
            dir,
            List.of(),
            false,
            "metrics-logger",
            route,
            d.maxInFlight(),
            shutdownTimeout,
            d.maxMsgAge(),
            d.maxClockSkew(),
            d.dedupWindow(),
            healthThreshold,
            d.retry(),
            dir.resolve("dl.jsonl"),
            new CoreSettings.Admin(true, "127.0.0.1:0"),
            d.events(),
            d.logging());
    HealthRegistry health = new HealthRegistry(clock, healthThreshold);
    order.forEach(p -> health.register(p.name()));
    return new Assembly(
        s, sources, handlers, providers, metrics, deadLetters, codec, health, order);
  }
}
