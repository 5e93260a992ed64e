package io.gordon.testing.fakes;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigText;
import io.gordon.api.config.HostPort;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.config.Secret;
import io.gordon.api.config.SourceKeys;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginFactory;
import io.gordon.api.plugin.RecordReader;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A plugin context for tests and benchmarks that create one plugin on its own: the given values
 * validated and converted by {@link ConfigSpec#read}, the code path the core validates every
 * plugin's tables with (defaults, rules, secrets, cross-key checks), a no-op metric relay and
 * health reporter, and no provider behind {@link #records()}.
 *
 * @param pluginName the plugin's name
 * @param config its configuration
 * @param clock the clock it gets
 * @param configRoot the directory relative paths resolve against
 * @param events the event codec (the core's, passed in: this module does not depend on it)
 */
public record FakePluginContext(
    String pluginName, PluginConfig config, Clock clock, Path configRoot, EventCodec events)
    implements PluginContext {

  /**
   * A context for plugin {@code name} with {@code values} validated against {@code spec}.
   *
   * @throws IllegalArgumentException listing every problem, as {@code name.key: problem (expected
   *     ...)}, when the values are not valid
   */
  public static FakePluginContext of(
      String name,
      ConfigSpec spec,
      Map<String, ?> values,
      Clock clock,
      Path root,
      EventCodec codec) {
    return new FakePluginContext(name, config(name, spec, values, root), clock, root, codec);
  }

  /**
   * A context for {@code factory}'s plugin with {@code values} validated against the spec the core
   * uses for it (a source's includes the {@link SourceKeys}).
   */
  public static FakePluginContext of(
      PluginFactory factory, Map<String, ?> values, Clock clock, Path root, EventCodec codec) {
    return of(
        factory.name(),
        SourceKeys.forPlugin(factory.kind(), factory.configSpec()),
        values,
        clock,
        root,
        codec);
  }

  /**
   * {@code values} validated against {@code spec} as the core validates a plugin's table, with
   * secrets' {@code { env = ... }} read from the process environment. Values may be given in TOML's
   * forms ({@code "30s"}, {@code 5L}, {@code "127.0.0.1:53"}) or, for convenience, in their Java
   * forms ({@link Duration}, {@code Integer}, {@link HostPort}, {@link Secret}, {@link Path}),
   * which are written as TOML first.
   *
   * @throws IllegalArgumentException listing every problem when the values are not valid
   */
  public static PluginConfig config(
      String name, ConfigSpec spec, Map<String, ?> values, Path root) {
    Map<String, Object> written = new LinkedHashMap<>();
    values.forEach((k, v) -> written.put(k, toml(v)));
    ConfigSpec.Result r = spec.read(written, root, System::getenv);
    if (!r.problems().isEmpty()) {
      throw new IllegalArgumentException(
          r.problems().stream().map(p -> name + "." + p).collect(Collectors.joining("; ")));
    }
    return new PluginConfig(name, r.values());
  }

  /** A Java value as TOML would have parsed it. */
  private static Object toml(Object v) {
    return switch (v) {
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Float f -> f.doubleValue();
      case Duration d ->
          d.toNanos() % 1_000_000 == 0 ? ConfigText.formatDuration(d) : d.toNanos() / 1e9;
      case HostPort h -> h.toString();
      case Secret s -> s.reveal();
      case Path p -> p.toString();
      case List<?> l -> l.stream().map(FakePluginContext::toml).toList();
      case Map<?, ?> m -> {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, x) -> out.put(String.valueOf(k), toml(x)));
        yield out;
      }
      default -> v;
    };
  }

  @Override
  public MetricRelay metrics() {
    return MetricRelay.noop();
  }

  @Override
  public RecordReader records() {
    throw new UnsupportedOperationException(pluginName + ": no DNS provider in this context");
  }

  @Override
  public HealthReporter health() {
    return new HealthReporter() {
      @Override
      public void healthy() {}

      @Override
      public void unhealthy(String reason) {}
    };
  }
}
