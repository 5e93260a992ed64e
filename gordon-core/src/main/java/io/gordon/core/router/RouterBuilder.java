package io.gordon.core.router;

import io.gordon.api.model.ZoneIndex;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.delivery.FileDeadLetterSink;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.core.delivery.Sleeper;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import io.gordon.core.runtime.HealthRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a {@link Router} from an {@link Assembly}, or piece by piece in tests. */
public final class RouterBuilder {
  Clock clock = Clock.systemUTC();
  MetricRelay metrics = MetricRelay.noop();
  DeadLetterSink deadLetters;
  int maxInFlight = 1000;
  Duration dedupWindow = Duration.ofMinutes(10);
  RetryPolicy retry = RetryPolicy.of(CoreSettings.defaults(Path.of(".")).retry());
  Sleeper sleeper;
  Duration maxClockSkew = Duration.ofMinutes(5);
  HealthRegistry health;
  Map<String, String> route = Map.of();
  final List<Named<MessageHandler>> handlers = new ArrayList<>();
  final List<Named<DnsProvider>> providers = new ArrayList<>();

  private RouterBuilder() {}

  /** An empty builder: no handlers, no providers, the no-op relay. */
  public static RouterBuilder create() {
    return new RouterBuilder();
  }

  /** A builder holding everything of {@code a}; sources serving a phase become handlers. */
  public static RouterBuilder from(Assembly a, Clock clock) {
    CoreSettings s = a.settings();
    RouterBuilder b =
        new RouterBuilder()
            .clock(clock)
            .metrics(a.metrics())
            .maxInFlight(s.maxInFlight())
            .dedupWindow(s.dedupWindow())
            .retry(RetryPolicy.of(s.retry()))
            .route(s.route())
            .maxClockSkew(s.maxClockSkew())
            .health(a.health())
            .deadLetters(
                a.deadLetterSink()
                    .map(Named::plugin)
                    .orElseGet(() -> new FileDeadLetterSink(s.deadLetterPath(), a.codec())));
    b.handlers.addAll(a.handlers());
    for (Named<EventSource> src : a.sources()) {
      boolean listed = a.handlers().stream().anyMatch(h -> h.plugin() == src.plugin());
      if (src.plugin() instanceof MessageHandler h && !listed) {
        b.handlers.add(new Named<>(src.name(), h, src.config()));
      }
    }
    b.providers.addAll(a.providers());
    return b;
  }

  /** Sets the clock. */
  public RouterBuilder clock(Clock c) {
    this.clock = c;
    return this;
  }

  /** Sets the metric relay. */
  public RouterBuilder metrics(MetricRelay m) {
    this.metrics = m;
    return this;
  }

  /** Sets the dead-letter sink. */
  public RouterBuilder deadLetters(DeadLetterSink d) {
    this.deadLetters = d;
    return this;
  }

  /** Sets core.max_in_flight. */
  public RouterBuilder maxInFlight(int n) {
    this.maxInFlight = n;
    return this;
  }

  /** Sets core.dedup_window. */
  public RouterBuilder dedupWindow(Duration d) {
    this.dedupWindow = d;
    return this;
  }

  /** Sets core.retry. */
  public RouterBuilder retry(RetryPolicy r) {
    this.retry = r;
    return this;
  }

  /**
   * Sets how retries wait (tests: a recording sleeper that returns at once); by default a timer
   * resumes the message's lane after the delay.
   */
  public RouterBuilder sleeper(Sleeper s) {
    this.sleeper = s;
    return this;
  }

  /** Sets core.route; empty means the default route for the configured plugins. */
  public RouterBuilder route(Map<String, String> r) {
    this.route = Map.copyOf(r);
    return this;
  }

  /** Adds a phase handler. */
  public RouterBuilder handler(String name, MessageHandler h) {
    handlers.add(new Named<>(name, h, new io.gordon.api.config.PluginConfig(name, Map.of())));
    return this;
  }

  /** Adds a DNS provider. */
  public RouterBuilder provider(String name, DnsProvider p) {
    providers.add(new Named<>(name, p, new io.gordon.api.config.PluginConfig(name, Map.of())));
    return this;
  }

  /** Sets core.max_clock_skew: how far ahead of this host's clock a timestamp may be. */
  public RouterBuilder maxClockSkew(Duration d) {
    this.maxClockSkew = d;
    return this;
  }

  /** Sets the health registry told about provider and dead-letter failures (null: none). */
  public RouterBuilder health(HealthRegistry h) {
    this.health = h;
    return this;
  }

  /** Builds the router; its zones' publishing threads start now. */
  public Router build() {
    if (deadLetters == null) {
      throw new IllegalStateException("no dead-letter sink configured");
    }
    Map<String, String> r = route.isEmpty() ? defaultRoute() : route;
    Map<String, Stage> stages = new LinkedHashMap<>();
    for (Named<MessageHandler> h : handlers) {
      if (!h.plugin().phase().equals(MessageFlow.CLEANUP)
          && stages.put(h.plugin().phase(), new HandlerStage(h.name(), h.plugin())) != null) {
        Router.LOG.warn(
            "several plugins handle phase {}; the last listed, {}, wins",
            h.plugin().phase(),
            h.name());
      }
    }
    Map<String, List<Named<DnsProvider>>> byPhase = new LinkedHashMap<>();
    providers.forEach(
        p -> byPhase.computeIfAbsent(p.plugin().phase(), k -> new ArrayList<>()).add(p));
    Freshness freshness = new Freshness();
    List<ZoneQueue> queues = new ArrayList<>();
    byPhase.forEach(
        (phase, ps) -> {
          Map<String, ZoneQueue> zones = new LinkedHashMap<>();
          for (Named<DnsProvider> p : ps) {
            for (String zone : p.plugin().zones()) {
              ZoneQueue q =
                  new ZoneQueue(
                      p.plugin(),
                      new ProviderCalls(p.name(), zone, metrics, health),
                      PublishStage.MAX_BATCH);
              if (zones.put(zone, q) != null) {
                Router.LOG.warn(
                    "zone {} is managed by several providers; the last listed, {}, "
                        + "gets its changes",
                    zone,
                    p.name());
              }
            }
          }
          queues.addAll(zones.values());
          String names = String.join(",", ps.stream().map(Named::name).toList());
          stages.put(
              phase,
              new PublishStage(
                  phase,
                  names,
                  ZoneIndex.of(zones),
                  freshness,
                  clock,
                  maxClockSkew,
                  PhaseRoute.describe(r)));
        });
    Settlement settlement =
        new Settlement(clock, metrics, deadLetters, health, maxInFlight, dedupWindow);
    return new Router(settlement, new PhaseRoute(r, stages, queues), this);
  }

  /** The cleanup handler: the last handler of phase cleanup, if any. */
  Optional<Named<MessageHandler>> cleanup() {
    Optional<Named<MessageHandler>> c = Optional.empty();
    for (Named<MessageHandler> h : handlers) {
      if (h.plugin().phase().equals(MessageFlow.CLEANUP)) {
        c = Optional.of(h);
      }
    }
    return c;
  }

  private Map<String, String> defaultRoute() {
    boolean enrich = handlers.stream().anyMatch(h -> h.plugin().phase().equals("enrich"));
    return enrich
        ? Map.of("consume", "enrich", "enrich", "publish", "publish", "cleanup")
        : Map.of("consume", "publish", "publish", "cleanup");
  }
}
