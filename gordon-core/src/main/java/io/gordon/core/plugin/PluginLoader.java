package io.gordon.core.plugin;

import io.gordon.api.ConfigException;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.ConfigProblem;
import io.gordon.core.config.ConfigValidator;
import io.gordon.core.config.CoreSettings;
import io.gordon.core.config.RawConfig;
import io.gordon.core.config.ValidatedConfig;
import io.gordon.core.plugin.PluginCatalog.Installed;
import io.gordon.core.runtime.Assembly;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a merged configuration into an {@link Assembly}: validates it, resolves the listed plugins
 * and the metrics relay, creates them (nothing is started), and checks the route. With {@code
 * core.debug = false} every problem is collected and thrown together as a {@link ConfigException};
 * with {@code core.debug = true} a plugin that is missing, fails to construct or has invalid
 * configuration is skipped with a warning instead.
 */
public final class PluginLoader {
  private final PluginCatalog catalog;
  private final boolean janitor;
  private final Clock clock;
  private final Function<String, String> env;

  /** How strictly to load. */
  public enum Mode {
    /** As {@code gordon run}: honours {@code core.debug}. */
    RUN,
    /** As {@code gordon config}: every problem fails, whatever {@code core.debug} says. */
    CHECK,
    /**
     * As {@code gordon janitor}: names resolve in the janitor's namespace (see {@link
     * PluginCatalog#forJanitor()}), no source is needed, only janitor plugins, DNS providers and a
     * dead-letter sink may be listed, and the route is fixed: consume, publish, cleanup. Every
     * problem fails.
     */
    JANITOR,
    /**
     * As the janitor inside {@code gordon run}: as {@link #JANITOR}, but the running service's DNS
     * providers read and write the zones, so only the janitor's own plugins are listed and no DNS
     * provider or zone reader is required.
     */
    JANITOR_IN_RUN
  }

  /** The route of janitor events: they arrive complete, so they go straight to publish. */
  public static final Map<String, String> JANITOR_ROUTE =
      Map.of("consume", "publish", "publish", "cleanup");

  /**
   * What loading produced.
   *
   * @param assembly the plugins, ready to start
   * @param config the validated configuration
   * @param warnings things that did not stop loading, one line each
   * @param janitor the janitor plugins (authorities, zone readers, event publishers), in list
   *     order; they are not in the assembly's start order, the janitor starts them itself
   */
  public record Loaded(
      Assembly assembly,
      ValidatedConfig config,
      List<String> warnings,
      List<Assembly.Named<GordonPlugin>> janitor) {
    /** Copies the lists. */
    public Loaded {
      warnings = List.copyOf(warnings);
      janitor = List.copyOf(janitor);
    }

    /** A result without janitor plugins. */
    public Loaded(Assembly assembly, ValidatedConfig config, List<String> warnings) {
      this(assembly, config, warnings, List.of());
    }
  }

  /** Creates a loader; {@code env} reads environment variables for secrets. */
  public PluginLoader(PluginCatalog catalog, Clock clock, Function<String, String> env) {
    this(catalog, clock, env, false);
  }

  private PluginLoader(
      PluginCatalog catalog, Clock clock, Function<String, String> env, boolean janitor) {
    this.catalog = janitor ? catalog.forJanitor() : catalog;
    this.janitor = janitor;
    this.clock = clock;
    this.env = env;
  }

  /** The same loader resolving names as the janitor does (for {@link Mode#JANITOR}). */
  public PluginLoader forJanitor() {
    return new PluginLoader(catalog, clock, env, true);
  }

  /** Validates {@code raw} against the core spec and the installed plugins' specs. */
  public ValidatedConfig validate(RawConfig raw) {
    return new ConfigValidator(
            new ConfigValidator.Specs() {
              @Override
              public Optional<ConfigSpec> plugin(String name) {
                return catalog
                    .find(name)
                    .filter(i -> i.factory().kind() != PluginKind.METRICS)
                    .map(Installed::spec);
              }

              @Override
              public Optional<ConfigSpec> relay(String name) {
                return catalog
                    .find(name)
                    .filter(i -> i.factory().kind() == PluginKind.METRICS)
                    .map(Installed::spec);
              }

              @Override
              public Set<String> knownNames() {
                return catalog.allNames();
              }

              @Override
              public Optional<PluginKind> kind(String name) {
                return catalog.find(name).map(i -> i.factory().kind());
              }
            },
            env)
        .validate(raw);
  }

  /**
   * Loads everything {@code raw} lists.
   *
   * @throws ConfigException with every problem, one formatted line each
   */
  public Loaded load(RawConfig raw, Mode mode) {
    boolean janitorMode = mode == Mode.JANITOR || mode == Mode.JANITOR_IN_RUN;
    if (janitorMode && !janitor) {
      return forJanitor().load(raw, mode);
    }
    ValidatedConfig config = validate(raw);
    CoreSettings settings =
        config
            .settings()
            .orElseThrow(
                () ->
                    new ConfigException(
                        config.problems().stream().map(ConfigProblem::toString).toList()));
    boolean debug = settings.debug() && mode == Mode.RUN;
    Selection sel = new Selection(catalog, config, settings, janitorMode);
    List<String> fatal = new ArrayList<>(sel.general);
    List<String> warnings = new ArrayList<>(catalog.problems());
    warnings.addAll(config.warnings());
    sel.perPlugin.forEach(
        (plugin, problems) -> {
          if (debug) {
            problems.forEach(
                p -> warnings.add(p + "; skipping " + plugin + " (core.debug = true)"));
          } else {
            fatal.addAll(problems);
          }
        });
    Creation made =
        new Creation(
            settings, config, clock, sel.relay.filter(r -> !sel.perPlugin.containsKey(r.name())));
    sel.plugins.forEach(
        (name, installed) -> {
          if (!sel.perPlugin.containsKey(name)) {
            made.create(name, installed)
                .ifPresent(
                    problem -> {
                      if (debug) {
                        warnings.add(problem + "; skipping " + name + " (core.debug = true)");
                      } else {
                        fatal.add(problem);
                      }
                    });
          }
        });
    made.relayProblem().ifPresent(p -> (debug ? warnings : fatal).add(p));
    if (fatal.isEmpty() && janitorMode) {
      fatal.addAll(made.requireJanitorPlugins(raw, mode == Mode.JANITOR_IN_RUN));
      if (fatal.isEmpty()) {
        return new Loaded(made.assembly(JANITOR_ROUTE), config, warnings, made.janitorPlugins());
      }
    } else if (fatal.isEmpty()) {
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
}
