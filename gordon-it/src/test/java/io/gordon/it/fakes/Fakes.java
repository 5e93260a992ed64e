package io.gordon.it.fakes;

import io.gordon.api.ProviderException;
import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.ConfigType;
import io.gordon.api.config.Rule;
import io.gordon.api.model.Change;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.ChangeResult;
import io.gordon.api.plugin.DnsProvider;
import io.gordon.api.plugin.EventSource;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.PluginKind;
import io.gordon.api.plugin.SourceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The fake plugins, one public factory class each (ServiceLoader needs public classes). */
public final class Fakes {
  private Fakes() {}

  /** The classes to list in the jar's services file. */
  public static final List<Class<?>> FACTORIES =
      List.of(Source.class, Zone.class, Metrics.class, Broken.class);

  /** {@code it.source}: a source that never produces anything. */
  public static final class Source extends FakeFactory {
    /** Creates the factory. */
    public Source() {
      super(
          "it.source",
          List.of(),
          PluginKind.SOURCE,
          ConfigSpec.builder()
              .optional("port", ConfigType.INTEGER, 8053L, Rule.between(0, 65535), "Port.")
              .build(),
          c -> new IdleSource());
    }
  }

  /** {@code it.zone} (alias {@code it.dns}): a provider whose check may be told to fail. */
  public static final class Zone extends FakeFactory {
    /** Creates the factory. */
    public Zone() {
      super(
          "it.zone",
          List.of("it.dns"),
          PluginKind.PROVIDER,
          ConfigSpec.builder()
              .required(
                  "zone",
                  ConfigType.STRING,
                  Rule.matching(".*\\.", "ending with a dot"),
                  "Zone served.")
              .optional("token", ConfigType.SECRET, null, Rule.any(), "API token.")
              .optional(
                  "timeout", ConfigType.DURATION, Duration.ofSeconds(5), Rule.any(), "Timeout.")
              .optional("fail_check", ConfigType.BOOLEAN, false, Rule.any(), "Fail the check.")
              .build(),
          ZoneProvider::new);
    }
  }

  /** {@code it-metrics}: a relay that drops everything. */
  public static final class Metrics extends FakeFactory {
    /** Creates the factory. */
    public Metrics() {
      super(
          "it-metrics",
          List.of(),
          PluginKind.METRICS,
          ConfigSpec.builder()
              .optional("prefix", ConfigType.STRING, "gordon", Rule.any(), "Prefix.")
              .build(),
          c -> new Relay());
    }
  }

  /** {@code it.broken}: a handler whose creation always fails. */
  public static final class Broken extends FakeFactory {
    /** Creates the factory. */
    public Broken() {
      super(
          "it.broken",
          List.of(),
          PluginKind.HANDLER,
          ConfigSpec.empty(),
          c -> {
            throw new IllegalStateException("cannot reach the enrichment API");
          });
    }
  }

  static final class IdleSource implements EventSource {
    @Override
    public void run(SourceContext context) {}

    @Override
    public void stop() {}
  }

  static final class ZoneProvider implements DnsProvider {
    private final PluginContext context;

    ZoneProvider(PluginContext context) {
      this.context = context;
    }

    @Override
    public Set<String> zones() {
      return Set.of(context.config().string("zone"));
    }

    @Override
    public void check() {
      if (context.config().bool("fail_check")) {
        throw new ProviderException(
            context.pluginName(),
            "",
            "",
            "",
            true,
            "server 192.0.2.53:53 refused the connection",
            null);
      }
    }

    @Override
    public List<ChangeResult> apply(List<Change> changes) {
      return List.of();
    }

    @Override
    public Optional<RecordSet> read(String name, RecordType type) {
      return Optional.empty();
    }

    @Override
    public List<RecordSet> list(String zone) {
      return List.of();
    }
  }

  static final class Relay implements MetricRelay, GordonPlugin {
    @Override
    public void incr(String name, long value, Map<String, String> context) {}

    @Override
    public void set(String name, double value, Map<String, String> context) {}

    @Override
    public void timing(String name, Duration elapsed, Map<String, String> context) {}
  }
}
