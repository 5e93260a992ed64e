package io.gordon.core.plugin;

import io.gordon.api.GordonException;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.janitor.Authority;
import io.gordon.api.janitor.EventPublisher;
import io.gordon.api.janitor.ZoneReader;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.config.RawConfig;
import io.gordon.core.config.ValidatedConfig;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.core.plugin.PluginCatalog.Installed;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.HealthRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Creates plugins one by one, remembering what was made. */
final class Creation {
  private final CoreSettings settings;
  private final ValidatedConfig config;
  private final Clock clock;
  private final HealthRegistry health;
  private final JsonEventCodec codec;
  private final ProviderRecords records = new ProviderRecords();
  private final MetricRelay metrics;
  private final List<Assembly.Named<GordonPlugin>> made = new ArrayList<>();
  private final Map<String, PluginKind> kinds = new LinkedHashMap<>();
  private String relayProblem;
  private int skipped;

  Creation(CoreSettings settings, ValidatedConfig config, Clock clock, Optional<Installed> relay) {
    this.settings = settings;
    this.config = config;
    this.clock = clock;
    this.health = new HealthRegistry(clock, settings.healthThreshold());
    this.codec = new JsonEventCodec(settings.events());
    this.metrics = relay.map(this::createRelay).orElseGet(MetricRelay::noop);
  }

  private MetricRelay createRelay(Installed relay) {
    String at = config.raw().origin("core.metrics") + ": core.metrics: ";
    try {
      Object r = relay.factory().create(context(relay.name(), MetricRelay.noop()));
      if (r instanceof MetricRelay m) {
        return m;
      }
      relayProblem =
          at
              + "relay \""
              + relay.name()
              + "\": factory "
              + relay.factory().getClass().getName()
              + " returned "
              + describe(r)
              + ", which is not a MetricRelay";
    } catch (RuntimeException | LinkageError e) {
      relayProblem = at + "relay \"" + relay.name() + "\" could not be created: " + describe(e);
    }
    return MetricRelay.noop();
  }

  Optional<String> relayProblem() {
    return Optional.ofNullable(relayProblem);
  }

  int skipped() {
    return skipped;
  }

  private CorePluginContext context(String name, MetricRelay relay) {
    PluginConfig pc = config.configs().getOrDefault(name, new PluginConfig(name, Map.of()));
    return new CorePluginContext(
        name, pc, relay, clock, codec, settings.configRoot(), records, health);
  }

  Optional<String> create(String name, Installed installed) {
    String at = config.raw().origin("core.plugins") + ": " + name + ": ";
    CorePluginContext ctx = context(name, metrics);
    Optional<String> problem = build(installed, ctx, at);
    if (problem.isPresent()) {
      skipped++;
      if (ctx.hasRegistered()) {
        health.started(name); // a skipped plugin must not hold readiness back
      }
    } else {
      ctx.registered();
    }
    return problem;
  }

  private Optional<String> build(Installed installed, CorePluginContext ctx, String at) {
    Object p;
    try {
      p = installed.factory().create(ctx);
    } catch (RuntimeException | LinkageError e) {
      return Optional.of(at + "could not be created: " + describe(e));
    }
    Class<?> want =
        switch (installed.factory().kind()) {
          case SOURCE -> EventSource.class;
          case HANDLER -> MessageHandler.class;
          case PROVIDER -> DnsProvider.class;
          case DEAD_LETTER -> DeadLetterSink.class;
          case METRICS -> MetricRelay.class;
          case AUTHORITY -> Authority.class;
          case ZONE_READER -> ZoneReader.class;
          case EVENT_PUBLISHER -> EventPublisher.class;
        };
    if (!want.isInstance(p)) {
      return Optional.of(
          at
              + "factory "
              + installed.factory().getClass().getName()
              + " returned "
              + describe(p)
              + ", which is not a "
              + want.getSimpleName()
              + " (kind "
              + installed.factory().kind()
              + ")");
    }
    made.add(new Assembly.Named<>(ctx.pluginName(), (GordonPlugin) p, ctx.config()));
    kinds.put(ctx.pluginName(), installed.factory().kind());
    return Optional.empty();
  }

  /** A plugin's own exceptions explain themselves; others need their class to make sense. */
  private static String describe(Throwable e) {
    return e instanceof GordonException && e.getMessage() != null ? e.getMessage() : e.toString();
  }

  private static String describe(Object o) {
    return o == null ? "null" : "a " + o.getClass().getName();
  }

  RouteCheck.Result checkRoute(RawConfig raw, boolean routeAround) {
    Map<String, String> starts = new LinkedHashMap<>();
    Map<String, String> phases = new LinkedHashMap<>();
    Map<String, String> providerPhases = new LinkedHashMap<>();
    for (Assembly.Named<GordonPlugin> n : made) {
      if (n.plugin() instanceof EventSource s) {
        starts.put(n.name(), s.startPhase());
      }
      if (n.plugin() instanceof MessageHandler h) {
        phases.put(n.name(), h.phase());
      } else if (n.plugin() instanceof DnsProvider d) {
        providerPhases.put(n.name(), d.phase());
      }
    }
    return RouteCheck.check(raw, settings.route(), starts, phases, providerPhases, routeAround);
  }

  List<String> requireSourceAndHandler(RawConfig raw) {
    List<String> out = new ArrayList<>();
    String at = raw.origin("core.plugins") + ": core.plugins: ";
    if (!kinds.containsValue(PluginKind.SOURCE)) {
      out.add(
          at
              + "no event source is loaded (expected at least one plugin of kind SOURCE,"
              + " see gordon plugins)");
    }
    if (!kinds.containsValue(PluginKind.HANDLER) && !kinds.containsValue(PluginKind.PROVIDER)) {
      out.add(
          at
              + "no handler or DNS provider is loaded (expected at least one plugin of"
              + " kind HANDLER or PROVIDER, see gordon plugins)");
    }
    return out;
  }

  /** The janitor plugins made (authorities, zone readers, event publishers), in list order. */
  List<Assembly.Named<GordonPlugin>> janitorPlugins() {
    List<Assembly.Named<GordonPlugin>> out = new ArrayList<>();
    for (Assembly.Named<GordonPlugin> n : made) {
      if (kinds.get(n.name()).janitorOnly()) {
        out.add(n);
      }
    }
    return out;
  }

  /**
   * What a janitor needs: one authority at least, and somewhere to read the live zones (the running
   * service's providers when {@code serviceProviders}).
   */
  List<String> requireJanitorPlugins(RawConfig raw, boolean serviceProviders) {
    List<String> out = new ArrayList<>();
    String at = raw.origin("core.plugins") + ": core.plugins: ";
    if (!kinds.containsValue(PluginKind.AUTHORITY)) {
      out.add(
          at
              + "no authority is loaded (expected at least one plugin of kind AUTHORITY,"
              + " e.g. \"local.inventory\" or \"gcp.gce\", see gordon plugins)");
    }
    if (!serviceProviders
        && !kinds.containsValue(PluginKind.PROVIDER)
        && !kinds.containsValue(PluginKind.ZONE_READER)) {
      out.add(
          at
              + "no DNS provider or zone reader is loaded, so the janitor cannot read the"
              + " live zones (expected a plugin of kind PROVIDER or ZONE_READER, e.g. \"rfc2136\""
              + " or \"gcp.gdns\")");
    }
    if (!serviceProviders
        && kinds.containsValue(PluginKind.ZONE_READER)
        && !kinds.containsValue(PluginKind.EVENT_PUBLISHER)) {
      out.add(
          at
              + "a zone reader only reads: list an event publisher (kind EVENT_PUBLISHER,"
              + " e.g. \"gcp.gpubsub\") to send the janitor's changes, or a DNS provider instead");
    }
    long publishers = kinds.values().stream().filter(k -> k == PluginKind.EVENT_PUBLISHER).count();
    if (publishers > 1) {
      out.add(at + "only one event publisher may be listed, got " + publishers);
    }
    return out;
  }

  Assembly assembly(Map<String, String> route) {
    return AssemblyBuilder.build(
        settings,
        route,
        made,
        kinds,
        metrics,
        codec,
        health,
        records,
        new AssemblyBuilder.Wrapping(config.ownership(), clock));
  }

  void shutdownAll() {
    for (int i = made.size() - 1; i >= 0; i--) {
      try {
        made.get(i).plugin().shutdown();
      } catch (RuntimeException | LinkageError ignored) {
        // best effort: the plugin was never started
      }
    }
  }
}
