package io.gordon.core.janitor;

import io.gordon.api.ConfigException;
import io.gordon.api.plugin.PluginKind;
import io.gordon.core.config.ConfigFiles;
import io.gordon.core.config.ConfigProblem;
import io.gordon.core.config.ConfigTable;
import io.gordon.core.config.Namespaces.Sourced;
import io.gordon.core.config.Origin;
import io.gordon.core.config.RawConfig;
import io.gordon.core.config.SpecValidator;
import io.gordon.core.plugin.PluginCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds and reads the janitor's configuration. With {@code gordon-janitor.toml} and/or {@code
 * gordon-janitor-user.toml} in the directory (the original's files) those are read, and {@code
 * core.plugins} names the janitor's plugins in the janitor namespace (there {@code gcp.gce}, {@code
 * gcp.gdns} and {@code gcp.gpubsub} are the janitor's authority, zone reader and publisher).
 * Otherwise {@code gordon.toml} is read and the janitor runs {@code janitor.plugins} with the DNS
 * providers and dead-letter sink of {@code core.plugins}.
 */
public final class JanitorConfig {
  /** The original janitor's main file. */
  public static final String MAIN = "gordon-janitor.toml";

  /** The original janitor's per-user override file. */
  public static final String USER = "gordon-janitor-user.toml";

  private JanitorConfig() {}

  /**
   * The {@code [janitor]} settings.
   *
   * @param plugins janitor.plugins
   * @param interval janitor.interval; zero: not inside gordon run
   * @param timeout janitor.timeout
   */
  public record Settings(List<String> plugins, Duration interval, Duration timeout) {
    /** Copies the list. */
    public Settings {
      plugins = List.copyOf(plugins);
    }
  }

  /** Whether {@code root} holds the original janitor's files. */
  public static boolean hasJanitorFiles(Path root) {
    return Files.exists(root.resolve(MAIN)) || Files.exists(root.resolve(USER));
  }

  /**
   * Reads the configuration the janitor runs with: the janitor's files, else gordon.toml with
   * {@code core.plugins} replaced by the janitor's plugin list.
   *
   * @throws ConfigException naming the files looked for, or every problem of [janitor]
   */
  public static RawConfig load(Path root, PluginCatalog catalog) {
    if (hasJanitorFiles(root)) {
      return ConfigFiles.load(root, MAIN, USER);
    }
    if (!Files.exists(root.resolve(ConfigFiles.MAIN))
        && !Files.exists(root.resolve(ConfigFiles.USER))) {
      throw new ConfigException(
          "no janitor configuration in "
              + root
              + ": expected "
              + MAIN
              + " (and/or "
              + USER
              + "), or "
              + ConfigFiles.MAIN
              + " with a [janitor] table there"
              + " (use -c DIR to choose another directory)");
    }
    RawConfig raw = ConfigFiles.load(root);
    return forJanitor(raw, catalog);
  }

  /** gordon.toml as the janitor reads it: core.plugins = janitor.plugins + providers, sinks. */
  static RawConfig forJanitor(RawConfig raw, PluginCatalog catalog) {
    List<String> plugins = new ArrayList<>(strings(raw, "janitor.plugins"));
    for (String p : strings(raw, "core.plugins")) {
      if (isShared(catalog, p) && !plugins.contains(p)) {
        plugins.add(p);
      }
    }
    return withPlugins(raw, plugins);
  }

  /**
   * gordon.toml as the janitor inside {@code gordon run} reads it: core.plugins = the janitor's own
   * plugins only. DNS providers and dead-letter sinks are left out: the running service's instances
   * are used, as a second instance of a provider would contend with the first (a zone file's lock,
   * an in-memory zone, the order of changes).
   */
  static RawConfig inService(RawConfig raw, PluginCatalog catalog) {
    List<String> plugins = new ArrayList<>(strings(raw, "janitor.plugins"));
    plugins.removeIf(p -> isShared(catalog, p));
    return withPlugins(raw, plugins);
  }

  private static boolean isShared(PluginCatalog catalog, String plugin) {
    PluginKind k = catalog.find(plugin).map(i -> i.factory().kind()).orElse(null);
    return k == PluginKind.PROVIDER || k == PluginKind.DEAD_LETTER;
  }

  private static RawConfig withPlugins(RawConfig raw, List<String> plugins) {
    Origin at = raw.tree().originOf("janitor.plugins").orElse(raw.origin("core.plugins"));
    ConfigTable core =
        new ConfigTable(at, Map.of("plugins", new ConfigTable.Entry(List.copyOf(plugins), at)));
    ConfigTable over = new ConfigTable(at, Map.of("core", new ConfigTable.Entry(core, at)));
    return new RawConfig(raw.root(), raw.tree().mergedWith(over), raw.files());
  }

  private static List<String> strings(RawConfig raw, String dotted) {
    int dot = dotted.lastIndexOf('.');
    Object v =
        raw.tree()
            .table(dotted.substring(0, dot))
            .flatMap(t -> t.entry(dotted.substring(dot + 1)))
            .map(ConfigTable.Entry::value)
            .orElse(List.of());
    List<String> out = new ArrayList<>();
    if (v instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }

  /**
   * Validates the {@code [janitor]} table of {@code raw}.
   *
   * @throws ConfigException with every problem
   */
  public static Settings settings(RawConfig raw, Function<String, String> env) {
    Map<String, ConfigTable.Entry> entries = new LinkedHashMap<>();
    raw.tree().table(JanitorSpec.TABLE).ifPresent(t -> entries.putAll(t.entries()));
    List<ConfigProblem> problems =
        new ArrayList<>(
            SpecValidator.unknownKeys(JanitorSpec.TABLE, entries, List.of(JanitorSpec.SPEC)));
    Map<String, Sourced> given = new LinkedHashMap<>();
    entries.forEach((k, e) -> given.put(k, new Sourced(JanitorSpec.TABLE, e)));
    given.keySet().removeIf(k -> JanitorSpec.SPEC.key(k).isEmpty());
    Origin at =
        raw.tree().table(JanitorSpec.TABLE).map(ConfigTable::origin).orElseGet(raw::fileOrigin);
    SpecValidator.Result r =
        new SpecValidator(raw.root(), env)
            .validate(
                JanitorSpec.SPEC,
                given,
                new SpecValidator.Missing(at, JanitorSpec.TABLE, "[" + JanitorSpec.TABLE + "]"));
    problems.addAll(r.problems());
    if (!problems.isEmpty()) {
      throw new ConfigException(problems.stream().map(ConfigProblem::toString).toList());
    }
    @SuppressWarnings("unchecked")
    List<String> plugins = (List<String>) r.values().get("plugins");
    return new Settings(
        plugins, (Duration) r.values().get("interval"), (Duration) r.values().get("timeout"));
  }
}
