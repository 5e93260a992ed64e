package io.gordon.core.plugin;

import io.gordon.api.ConfigException;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.DeadLetterSink;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MessageHandler;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.ConfigProblem;
import io.gordon.core.config.ConfigValidator;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.config.RawConfig;
import io.gordon.core.config.ValidatedConfig;
import io.gordon.core.events.JsonEventCodec;
import io.gordon.core.plugin.PluginCatalog.Installed;
import io.gordon.core.runtime.Assembly;
import io.gordon.core.runtime.HealthRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a merged configuration into an {@link Assembly}: validates it, resolves the listed
 * plugins and the metrics relay, creates them (nothing is started), and checks the route. With
 * {@code core.debug = false} every problem is collected and thrown together as a
 * {@link ConfigException}; with {@code core.debug = true} a plugin that is missing, fails to
 * construct or has invalid configuration is skipped with a warning instead.
 */
public final class PluginLoader {
  private final PluginCatalog catalog;
  private final Clock clock;
  private final Function<String, String> env;

  /** How strictly to load. */
  public enum Mode {
    /** As {@code gordon run}: honours {@code core.debug}. */
    RUN,
    /** As {@code gordon config}: every problem fails, whatever {@code core.debug} says. */
    CHECK
  }

  /**
   * What loading produced.
   *
   * @param assembly the plugins, ready to start
   * @param config the validated configuration
   * @param warnings things that did not stop loading, one line each
   */
  public record Loaded(Assembly assembly, ValidatedConfig config, List<String> warnings) {}

  /** Creates a loader; {@code env} reads environment variables for secrets. */
  public PluginLoader(PluginCatalog catalog, Clock clock, Function<String, String> env) {
    this.catalog = catalog;
    this.clock = clock;
    this.env = env;
  }

  /** Validates {@code raw} against the core spec and the installed plugins' specs. */
  public ValidatedConfig validate(RawConfig raw) {
    return new ConfigValidator(new ConfigValidator.Specs() {
      @Override
      public Optional<ConfigSpec> plugin(String name) {
        return catalog.find(name).filter(i -> i.factory().kind() != PluginKind.METRICS)
            .map(Installed::spec);
      }

      @Override
      public Optional<ConfigSpec> relay(String name) {
        return catalog.find(name).filter(i -> i.factory().kind() == PluginKind.METRICS)
            .map(Installed::spec);
      }

      @Override
      public Set<String> knownNames() {
        return catalog.allNames();
      }
    }, env).validate(raw);
  }

  /**
   * Loads everything {@code raw} lists.
   *
   * @throws ConfigException with every problem, one formatted line each
   */
  public Loaded load(RawConfig raw, Mode mode) {
    ValidatedConfig config = validate(raw);
    CoreSettings settings = config.settings().orElseThrow(() -> new ConfigException(
        config.problems().stream().map(ConfigProblem::toString).toList()));
    boolean debug = settings.debug() && mode == Mode.RUN;
    Selection sel = new Selection(catalog, config, settings);
    List<String> fatal = new ArrayList<>(sel.general);
    List<String> warnings = new ArrayList<>(catalog.problems());
    warnings.addAll(config.warnings());
    sel.perPlugin.forEach((plugin, problems) -> {
      if (debug) {
        problems.forEach(p -> warnings.add(p + "; skipping " + plugin + " (core.debug = true)"));
      } else {
        fatal.addAll(problems);
      }
    });
    Creation made = new Creation(settings, config, clock, sel.relay
        .filter(r -> !sel.perPlugin.containsKey(r.name())));
    sel.plugins.forEach((name, installed) -> {
      if (!sel.perPlugin.containsKey(name)) {
        made.create(name, installed).ifPresent(problem -> {
          if (debug) {
            warnings.add(problem + "; skipping " + name + " (core.debug = true)");
          } else {
            fatal.add(problem);
          }
        });
      }
    });
    made.relayProblem().ifPresent(p -> (debug ? warnings : fatal).add(p));
    if (fatal.isEmpty()) {
      boolean skipped = debug && !sel.perPlugin.isEmpty() || made.skipped() > 0;
      RouteCheck.Result route = made.checkRoute(raw, skipped);
      fatal.addAll(made.requireSourceAndHandler(raw));
      fatal.addAll(route.problems());
      warnings.addAll(route.warnings());
      if (fatal.isEmpty()) {
        return new Loaded(made.assembly(route.route()), config, warnings);
      }
    }
    made.shutdownAll();
    throw new ConfigException(fatal);
  }

  /** Creates plugins one by one, remembering what was made. */
  private static final class Creation {
    private final CoreSettings settings;
    private final ValidatedConfig config;
    private final Clock clock;
    private final HealthRegistry health;
    private final JsonEventCodec codec;
    private final ProviderRecords records = new ProviderRecords();
    private final MetricRelay metrics;
    private final List<Assembly.Named<GordonPlugin>> made = new ArrayList<>();
    private final Map<String, PluginKind> kinds = new java.util.LinkedHashMap<>();
    private String relayProblem;
    private int skipped;

    Creation(CoreSettings settings, ValidatedConfig config, Clock clock,
        Optional<Installed> relay) {
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
        relayProblem = at + "relay \"" + relay.name() + "\": factory "
            + relay.factory().getClass().getName() + " returned " + describe(r)
            + ", which is not a MetricRelay";
      } catch (RuntimeException | LinkageError e) {
        relayProblem = at + "relay \"" + relay.name() + "\" could not be created: " + e;
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
      return new CorePluginContext(name, pc, relay, clock, codec, settings.configRoot(), records,
          health);
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
        return Optional.of(at + "could not be created: " + e);
      }
      Class<?> want = switch (installed.factory().kind()) {
        case SOURCE -> EventSource.class;
        case HANDLER -> MessageHandler.class;
        case PROVIDER -> DnsProvider.class;
        case DEAD_LETTER -> DeadLetterSink.class;
        case METRICS -> MetricRelay.class;
      };
      if (!want.isInstance(p)) {
        return Optional.of(at + "factory " + installed.factory().getClass().getName()
            + " returned " + describe(p) + ", which is not a " + want.getSimpleName()
            + " (kind " + installed.factory().kind() + ")");
      }
      made.add(new Assembly.Named<>(ctx.pluginName(), (GordonPlugin) p, ctx.config()));
      kinds.put(ctx.pluginName(), installed.factory().kind());
      return Optional.empty();
    }

    private static String describe(Object o) {
      return o == null ? "null" : "a " + o.getClass().getName();
    }

    RouteCheck.Result checkRoute(RawConfig raw, boolean routeAround) {
      Map<String, String> starts = new java.util.LinkedHashMap<>();
      Map<String, String> phases = new java.util.LinkedHashMap<>();
      Map<String, String> providerPhases = new java.util.LinkedHashMap<>();
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
      return RouteCheck.check(raw, settings.route(), starts, phases, providerPhases,
          routeAround);
    }

    List<String> requireSourceAndHandler(RawConfig raw) {
      List<String> out = new ArrayList<>();
      String at = raw.origin("core.plugins") + ": core.plugins: ";
      if (!kinds.containsValue(PluginKind.SOURCE)) {
        out.add(at + "no event source is loaded (expected at least one plugin of kind SOURCE,"
            + " see gordon plugins)");
      }
      if (!kinds.containsValue(PluginKind.HANDLER) && !kinds.containsValue(PluginKind.PROVIDER)) {
        out.add(at + "no handler or DNS provider is loaded (expected at least one plugin of"
            + " kind HANDLER or PROVIDER, see gordon plugins)");
      }
      return out;
    }

    Assembly assembly(Map<String, String> route) {
      return AssemblyBuilder.build(settings, route, made, kinds, metrics, codec, health, records);
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
}
