package io.gordon.core.plugin;

import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.ownership.OwnershipProvider;
import io.gordon.core.ownership.OwnershipSettings;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import io.gordon.core.runtime.HealthRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sorts created plugins into an {@link Assembly}. This is the one place where DNS providers are
 * wrapped with the ownership rules ({@link OwnershipProvider}); everything downstream (router,
 * janitor, readers) sees the wrapped provider.
 */
final class AssemblyBuilder {
  private static final List<PluginKind> START_ORDER =
      List.of(PluginKind.DEAD_LETTER, PluginKind.PROVIDER, PluginKind.HANDLER, PluginKind.SOURCE);

  private AssemblyBuilder() {}

  /**
   * How providers are wrapped.
   *
   * @param ownership {@code [core.ownership]}
   * @param clock the clock of the deletion breaker's window
   */
  record Wrapping(OwnershipSettings ownership, Clock clock) {
    DnsProvider wrap(String name, DnsProvider provider, HealthRegistry health) {
      if (!ownership.enabled()) {
        return provider;
      }
      String component = name + ".ownership";
      health.register(component);
      health.started(component);
      return OwnershipProvider.wrap(
          provider,
          ownership,
          clock,
          new OwnershipProvider.Breaker() {
            @Override
            public void tripped(String reason) {
              health.notReady(component, reason);
            }

            @Override
            public void cleared() {
              health.started(component);
            }
          });
    }
  }

  static Assembly build(
      CoreSettings s,
      Map<String, String> route,
      List<Named<GordonPlugin>> made,
      Map<String, PluginKind> kinds,
      MetricRelay metrics,
      EventCodec codec,
      HealthRegistry health,
      ProviderRecords records,
      Wrapping wrapping) {
    List<Named<EventSource>> sources = new ArrayList<>();
    List<Named<MessageHandler>> handlers = new ArrayList<>();
    List<Named<DnsProvider>> providers = new ArrayList<>();
    Optional<Named<DeadLetterSink>> sink = Optional.empty();
    for (Named<GordonPlugin> n : made) {
      if (n.plugin() instanceof EventSource p && kinds.get(n.name()) == PluginKind.SOURCE) {
        sources.add(new Named<>(n.name(), p, n.config()));
      }
      if (n.plugin() instanceof MessageHandler p) {
        handlers.add(new Named<>(n.name(), p, n.config()));
      }
      if (n.plugin() instanceof DnsProvider p && kinds.get(n.name()) == PluginKind.PROVIDER) {
        providers.add(new Named<>(n.name(), wrapping.wrap(n.name(), p, health), n.config()));
      }
      if (n.plugin() instanceof DeadLetterSink p && kinds.get(n.name()) == PluginKind.DEAD_LETTER) {
        sink = Optional.of(new Named<>(n.name(), p, n.config()));
      }
    }
    records.set(providers.stream().map(Named::plugin).toList());
    List<Named<GordonPlugin>> order = new ArrayList<>();
    for (PluginKind k : START_ORDER) {
      made.stream().filter(n -> kinds.get(n.name()) == k).forEach(order::add);
    }
    CoreSettings settings =
        new CoreSettings(
            s.configRoot(),
            s.plugins(),
            s.debug(),
            s.metrics(),
            route,
            s.maxInFlight(),
            s.shutdownTimeout(),
            s.maxMsgAge(),
            s.maxClockSkew(),
            s.dedupWindow(),
            s.healthThreshold(),
            s.retry(),
            s.deadLetterPath(),
            s.admin(),
            s.events(),
            s.logging());
    return new Assembly(
        settings, sources, handlers, providers, metrics, sink, codec, health, order);
  }
}
