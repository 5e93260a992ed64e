package io.gordon.core.router;

import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.delivery.FileDeadLetterSink;
import io.gordon.core.delivery.RetryPolicy;
import io.gordon.core.delivery.Sleeper;
import io.gordon.core.delivery.StageRunner;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.Assembly.Named;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/** Builds a {@link Router} from an {@link Assembly}, or piece by piece in tests. */
public final class RouterBuilder {
  Clock clock = Clock.systemUTC();
  MetricRelay metrics = MetricRelay.noop();
  DeadLetterSink deadLetters;
  int maxInFlight = 1000;
  Duration dedupWindow = Duration.ofMinutes(10);
  RetryPolicy retry = RetryPolicy.of(CoreSettings.defaults(Path.of(".")).retry());
  Sleeper sleeper;
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
    RouterBuilder b = new RouterBuilder().clock(clock).metrics(a.metrics())
        .maxInFlight(s.maxInFlight()).dedupWindow(s.dedupWindow())
        .retry(RetryPolicy.of(s.retry())).route(s.route())
        .deadLetters(a.deadLetterSink().map(Named::plugin)
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

  /** Sets how retries wait (tests: a recording sleeper that returns at once). */
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

  /** Builds the router. */
  public Router build() {
    if (deadLetters == null) {
      throw new IllegalStateException("no dead-letter sink configured");
    }
    Map<String, String> r = route.isEmpty() ? defaultRoute() : route;
    Map<String, Stage> stages = new LinkedHashMap<>();
    Optional<Map.Entry<String, MessageHandler>> cleanup = Optional.empty();
    for (Named<MessageHandler> h : handlers) {
      if (h.plugin().phase().equals(Processor.CLEANUP)) {
        cleanup = Optional.of(new AbstractMap.SimpleImmutableEntry<>(h.name(), h.plugin()));
      } else if (stages.put(h.plugin().phase(), new HandlerStage(h.name(), h.plugin())) != null) {
        Router.LOG.warn("several plugins handle phase {}; the last listed, {}, wins",
            h.plugin().phase(), h.name());
      }
    }
    Map<String, List<Named<DnsProvider>>> byPhase = new LinkedHashMap<>();
    providers.forEach(p -> byPhase.computeIfAbsent(p.plugin().phase(), k -> new ArrayList<>())
        .add(p));
    Freshness freshness = new Freshness();
    byPhase.forEach((phase, ps) -> stages.put(phase,
        new PublishStage(phase, ps, freshness, metrics, clock, describe(r))));
    CountDownLatch abort = new CountDownLatch(1);
    Router[] self = new Router[1];
    StageRunner runner = new StageRunner(retry, clock,
        sleeper != null ? sleeper : Sleeper.until(abort), metrics, () -> self[0].aborting());
    self[0] = new Router(this, new Processor.Parts(r, Map.copyOf(stages), cleanup, runner,
        abort));
    return self[0];
  }

  private Map<String, String> defaultRoute() {
    boolean enrich = handlers.stream().anyMatch(h -> h.plugin().phase().equals("enrich"));
    return enrich ? Map.of("consume", "enrich", "enrich", "publish", "publish", "cleanup")
        : Map.of("consume", "publish", "publish", "cleanup");
  }

  static String describe(Map<String, String> route) {
    StringBuilder sb = new StringBuilder("consume");
    String p = "consume";
    for (int i = 0; i < 16 && route.containsKey(p); i++) {
      p = route.get(p);
      sb.append(" -> ").append(p);
    }
    return sb.toString();
  }
}
