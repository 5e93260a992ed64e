package io.gordon.core.janitor;

import io.gordon.core.config.ConfigTable;
import io.gordon.core.config.Origin;
import io.gordon.core.config.RawConfig;
import io.gordon.core.plugin.PluginCatalog;
import io.gordon.core.plugin.PluginLoader;
import io.gordon.core.runtime.Assembly;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Runs the janitor from a configuration: loads the plugins in janitor mode for each run (so an
 * inventory, credentials or a provider's state are fresh every time) and runs once.
 *
 * <p>Two adjustments of {@code [core.ownership]} apply to the janitor's own pipeline: its live-path
 * deletion breaker is off ({@code delete_threshold = 1}), because the janitor's guard already
 * judged the whole run (and {@code --force} must be able to pass it); and with {@code --adopt}, the
 * names the plan adopts are added to {@code adopt}, so the ownership layer lets exactly those
 * unowned RRsets be taken over. Adopting takes two loads: a dry run finds the names, the real run
 * adopts them.
 *
 * <p>Inside {@code gordon run} ({@link #inService}) only the janitor's own plugins are loaded for
 * each run; the zones are read and written through the running service's DNS provider instances (so
 * a zone file's lock, an in-memory zone and the order of changes are shared), and its dead-letter
 * sink and metrics are used. Each run wraps those providers in its own ownership layer with the
 * adjustments above, so the service's live-path breaker neither counts nor refuses the janitor's
 * deletions.
 */
public final class Janitor {
  private final RawConfig raw;
  private final PluginLoader loader;
  private final OwnershipRules rules;
  private final JanitorConfig.Settings settings;
  private final Clock clock;
  private final List<String> warnings = new ArrayList<>();
  private final Optional<Assembly> service;

  /**
   * Validates what can be validated without creating plugins.
   *
   * @param raw the janitor's configuration (see {@link JanitorConfig#load})
   * @throws io.gordon.api.ConfigException with every problem
   */
  public Janitor(RawConfig raw, PluginCatalog catalog, Clock clock, Function<String, String> env) {
    this(raw, catalog, clock, env, Optional.empty());
  }

  private Janitor(
      RawConfig raw,
      PluginCatalog catalog,
      Clock clock,
      Function<String, String> env,
      Optional<Assembly> service) {
    this.service = service;
    this.raw = raw;
    this.clock = clock;
    this.loader = new PluginLoader(catalog, clock, env).forJanitor();
    this.settings = JanitorConfig.settings(raw, env);
    this.rules = OwnershipRules.of(loader.validate(raw).ownership());
  }

  /**
   * The janitor inside {@code gordon run}: {@code gordon.toml}'s {@code janitor.plugins} (without
   * providers and dead-letter sinks), sending through the running {@code service}'s providers.
   *
   * @throws io.gordon.api.ConfigException with every problem
   */
  public static Janitor inService(
      RawConfig gordonToml,
      PluginCatalog catalog,
      Clock clock,
      Function<String, String> env,
      Assembly service) {
    return new Janitor(
        JanitorConfig.inService(gordonToml, catalog), catalog, clock, env, Optional.of(service));
  }

  /** The {@code [janitor]} settings. */
  public JanitorConfig.Settings settings() {
    return settings;
  }

  /** Warnings of the last load (unused tables and the like), one line each. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /**
   * One run.
   *
   * @throws io.gordon.api.ConfigException when the plugins cannot be loaded
   */
  public JanitorReport runOnce(JanitorRun.Options options) throws InterruptedException {
    return runOnce(options, () -> true);
  }

  /**
   * One run that writes only while {@code mayWrite} holds (asked before each zone's writes; the
   * janitor lease inside {@code gordon run}).
   *
   * @throws io.gordon.api.ConfigException when the plugins cannot be loaded
   */
  public JanitorReport runOnce(JanitorRun.Options options, BooleanSupplier mayWrite)
      throws InterruptedException {
    if (options.adopt() && !options.dryRun()) {
      JanitorReport preview =
          once(List.of(), new JanitorRun.Options(true, options.force(), true), mayWrite);
      List<String> names = new ArrayList<>();
      preview
          .plan()
          .zones()
          .forEach(
              z ->
                  z.changes().stream()
                      .filter(c -> c.kind() == PlannedChange.Kind.ADOPTION)
                      .forEach(c -> names.add(c.desired().name())));
      return once(names, options, mayWrite);
    }
    return once(List.of(), options, mayWrite);
  }

  private JanitorReport once(
      List<String> adopt, JanitorRun.Options options, BooleanSupplier mayWrite)
      throws InterruptedException {
    RawConfig config = adjusted(adopt);
    PluginLoader.Loaded loaded =
        loader.load(
            config,
            service.isPresent() ? PluginLoader.Mode.JANITOR_IN_RUN : PluginLoader.Mode.JANITOR);
    warnings.clear();
    warnings.addAll(loaded.warnings());
    try {
      Assembly assembly =
          service
              .map(
                  s ->
                      ServiceProviders.assembly(
                          s, loaded.assembly(), loaded.config().ownership(), clock))
              .orElse(loaded.assembly());
      JanitorReport r =
          new JanitorRun(assembly, loaded.janitor(), rules, clock, settings.timeout(), mayWrite)
              .run(options);
      new JanitorMetrics(assembly.metrics()).ended(r.status(), clock.instant());
      return r;
    } finally {
      loaded.assembly().metrics().cleanup();
    }
  }

  /** The configuration with the janitor's adjustments of [core.ownership]. */
  private RawConfig adjusted(List<String> adopt) {
    Origin at = raw.origin("core.ownership");
    List<Object> patterns = new ArrayList<>();
    raw.tree()
        .table("core.ownership")
        .flatMap(t -> t.entry("adopt"))
        .filter(e -> e.value() instanceof List<?>)
        .ifPresent(e -> patterns.addAll((List<?>) e.value()));
    patterns.addAll(adopt);
    Map<String, ConfigTable.Entry> own = new LinkedHashMap<>();
    own.put("delete_threshold", new ConfigTable.Entry(1.0, at));
    own.put("adopt", new ConfigTable.Entry(List.copyOf(patterns), at));
    ConfigTable core =
        new ConfigTable(
            at, Map.of("ownership", new ConfigTable.Entry(new ConfigTable(at, own), at)));
    return new RawConfig(
        raw.root(),
        raw.tree().mergedWith(new ConfigTable(at, Map.of("core", new ConfigTable.Entry(core, at)))),
        raw.files());
  }
}
