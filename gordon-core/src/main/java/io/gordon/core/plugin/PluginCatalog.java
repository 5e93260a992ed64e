package io.gordon.core.plugin;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.PluginKind;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Every installed plugin factory, found with {@link ServiceLoader} on the class path and in the
 * jars of a {@code plugins/} directory beside the configuration, keyed by name and alias. Factories
 * that cannot be loaded are remembered as problems rather than failing discovery. Janitor plugins
 * ({@link PluginKind#janitorOnly()}) have names of their own, seen only through {@link
 * #forJanitor()}.
 */
public final class PluginCatalog {
  /** The directory, beside gordon.toml, whose jars are searched for plugins. */
  public static final String PLUGIN_DIR = "plugins";

  private final List<Installed> factories;
  private final Map<String, Installed> byName;
  private final Map<String, Installed> janitorByName;
  private final boolean janitor;
  private final List<String> problems;

  /**
   * An installed factory.
   *
   * @param factory the factory
   * @param spec its config spec, read once; a source's includes the {@link SourceKeys}
   * @param location where it was loaded from: {@code built-in} or a jar path
   */
  public record Installed(PluginFactory factory, ConfigSpec spec, String location) {
    /** The factory's name. */
    public String name() {
      return factory.name();
    }
  }

  private PluginCatalog(List<Installed> found, List<String> problems) {
    this.problems = new ArrayList<>(problems);
    this.byName = new LinkedHashMap<>();
    this.janitorByName = new LinkedHashMap<>();
    this.janitor = false;
    List<Installed> kept = new ArrayList<>();
    for (Installed i : found) {
      // Janitor plugins have their own namespace (gcp.gce there is not the service's gcp.gce).
      Map<String, Installed> names = i.factory().kind().janitorOnly() ? janitorByName : byName;
      List<String> all = new ArrayList<>(List.of(i.name()));
      all.addAll(i.factory().aliases());
      Optional<String> taken = all.stream().filter(names::containsKey).findFirst();
      if (taken.isPresent()) {
        this.problems.add(
            "plugin name \""
                + taken.get()
                + "\" is claimed by both "
                + describe(names.get(taken.get()))
                + " and "
                + describe(i)
                + "; the second is ignored");
        continue;
      }
      all.forEach(n -> names.put(n, i));
      kept.add(i);
    }
    kept.sort(Comparator.comparing(Installed::name));
    this.factories = List.copyOf(kept);
  }

  private PluginCatalog(PluginCatalog service) {
    this.factories = service.factories;
    this.byName = service.byName;
    this.janitorByName = service.janitorByName;
    this.problems = service.problems;
    this.janitor = true;
  }

  /**
   * The same plugins as the janitor resolves names: a janitor plugin's name or alias (e.g. the
   * {@code gcp.gce} authority) wins over a service plugin's (the {@code gcp.gce} enricher alias);
   * other names select service plugins as usual (DNS providers, dead-letter sinks).
   */
  public PluginCatalog forJanitor() {
    return janitor ? this : new PluginCatalog(this);
  }

  /**
   * Discovers the factories visible to this class's loader plus those in the jars of {@code
   * configRoot/plugins/}.
   */
  public static PluginCatalog discover(Path configRoot) {
    List<String> problems = new ArrayList<>();
    ClassLoader parent = PluginCatalog.class.getClassLoader();
    ClassLoader loader = parent;
    Path dir = configRoot.resolve(PLUGIN_DIR);
    if (Files.isDirectory(dir)) {
      List<URL> jars = new ArrayList<>();
      try (Stream<Path> s = Files.list(dir)) {
        for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
          jars.add(jar.toUri().toURL());
        }
      } catch (IOException e) {
        problems.add("cannot list plugin directory " + dir + ": " + e);
      }
      if (!jars.isEmpty()) {
        loader = new URLClassLoader("gordon-plugins", jars.toArray(URL[]::new), parent);
      }
    }
    return load(loader, problems);
  }

  /** Discovers the factories visible to {@code loader}. */
  public static PluginCatalog load(ClassLoader loader) {
    return load(loader, List.of());
  }

  /** A catalog of the given factories, for tests and tools. */
  public static PluginCatalog of(List<PluginFactory> factories) {
    List<String> problems = new ArrayList<>();
    List<Installed> found = new ArrayList<>();
    factories.forEach(f -> describeFactory(f, problems).ifPresent(found::add));
    return new PluginCatalog(found, problems);
  }

  private static PluginCatalog load(ClassLoader loader, List<String> initial) {
    List<String> problems = new ArrayList<>(initial);
    List<Installed> found = new ArrayList<>();
    Iterator<PluginFactory> it = ServiceLoader.load(PluginFactory.class, loader).iterator();
    for (int guard = 0; guard < 10_000; guard++) {
      try {
        if (!it.hasNext()) {
          break;
        }
        describeFactory(it.next(), problems).ifPresent(found::add);
      } catch (ServiceConfigurationError e) {
        problems.add(
            "cannot load a plugin factory: "
                + e.getMessage()
                + (e.getCause() != null ? " (" + e.getCause() + ")" : ""));
      }
    }
    return new PluginCatalog(found, problems);
  }

  private static Optional<Installed> describeFactory(PluginFactory f, List<String> problems) {
    try {
      Objects.requireNonNull(f.name(), "name() returned null");
      Objects.requireNonNull(f.kind(), "kind() returned null");
      Objects.requireNonNull(f.description(), "description() returned null");
      Objects.requireNonNull(f.aliases(), "aliases() returned null");
      ConfigSpec spec = Objects.requireNonNull(f.configSpec(), "configSpec() returned null");
      return Optional.of(
          new Installed(f, SourceKeys.forPlugin(f.kind(), spec), location(f.getClass())));
    } catch (RuntimeException | LinkageError e) {
      problems.add("plugin factory " + f.getClass().getName() + " is broken: " + e);
      return Optional.empty();
    }
  }

  private static String location(Class<?> c) {
    try {
      var src = c.getProtectionDomain().getCodeSource();
      if (src == null || src.getLocation() == null) {
        return "built-in";
      }
      Path p = Path.of(src.getLocation().toURI());
      return p.getParent() != null
              && p.getParent().getFileName() != null
              && p.getParent().getFileName().toString().equals(PLUGIN_DIR)
          ? p.toString()
          : "built-in";
    } catch (RuntimeException | java.net.URISyntaxException e) {
      return "built-in";
    }
  }

  private static String describe(Installed i) {
    return i.factory().getClass().getName() + " (" + i.location() + ")";
  }

  /** The factory answering to {@code name} or alias. */
  public Optional<Installed> find(String name) {
    Installed j = janitor ? janitorByName.get(name) : null;
    return Optional.ofNullable(j != null ? j : byName.get(name));
  }

  /** Every installed factory, by name. */
  public List<Installed> all() {
    return factories;
  }

  /** The installed factories of {@code kind}, by name. */
  public List<Installed> ofKind(PluginKind kind) {
    return factories.stream().filter(i -> i.factory().kind() == kind).toList();
  }

  /** Every name and alias that selects a plugin of a kind other than METRICS here. */
  public Set<String> pluginNames() {
    Set<String> out = new TreeSet<>();
    byName.forEach(
        (n, i) -> {
          if (i.factory().kind() != PluginKind.METRICS) {
            out.add(n);
          }
        });
    if (janitor) {
      out.addAll(janitorByName.keySet());
    }
    return out;
  }

  /**
   * Every name and alias, relays and janitor plugins included (a table named after any of them
   * belongs to that plugin, whichever namespace reads the file).
   */
  public Set<String> allNames() {
    Set<String> out = new TreeSet<>(byName.keySet());
    out.addAll(janitorByName.keySet());
    return out;
  }

  /** Factories that could not be loaded, and name clashes; one line each. */
  public List<String> problems() {
    return List.copyOf(problems);
  }
}
