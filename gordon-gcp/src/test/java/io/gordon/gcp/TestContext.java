package io.gordon.gcp;

import io.gordon.api.config.ConfigSpec;
import io.gordon.api.config.PluginConfig;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.RecordReader;
import io.gordon.testing.fakes.FakePluginContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin context for tests: config validated by {@link FakePluginContext#config} (the core's code
 * path: TOML forms, or Java forms such as {@link Duration}), recorded metrics and health, and
 * replaceable codec and record reader.
 */
public final class TestContext implements PluginContext {
  private final String name;
  private final PluginConfig config;

  /** Every counter increment, as "name{attrs}". */
  public final List<String> counters = Collections.synchronizedList(new ArrayList<>());

  /** Every health report: "healthy" or the unhealthy reason. */
  public final List<String> health = Collections.synchronizedList(new ArrayList<>());

  private EventCodec codec;
  private HealthReporter healthTarget;
  private RecordReader records =
      new RecordReader() {
        @Override
        public Optional<RecordSet> read(String n, RecordType t) {
          return Optional.empty();
        }

        @Override
        public List<RecordSet> list(String zone) {
          return List.of();
        }
      };

  /** A context for plugin {@code name} with {@code spec}'s defaults and {@code values}. */
  public TestContext(String name, ConfigSpec spec, Map<String, Object> values) {
    this.name = name;
    this.config = FakePluginContext.config(name, spec, values, Path.of("."));
  }

  /** Uses {@code c} as the shared codec. */
  public TestContext withCodec(EventCodec c) {
    this.codec = c;
    return this;
  }

  /** Also passes every health report on to {@code target} (e.g. a real registry's reporter). */
  public TestContext withHealth(HealthReporter target) {
    this.healthTarget = target;
    return this;
  }

  /** Uses {@code r} as the provider's record reader. */
  public TestContext withRecords(RecordReader r) {
    this.records = r;
    return this;
  }

  @Override
  public String pluginName() {
    return name;
  }

  @Override
  public PluginConfig config() {
    return config;
  }

  @Override
  public MetricRelay metrics() {
    return new MetricRelay() {
      @Override
      public void incr(String n, long value, Map<String, String> context) {
        counters.add(n + new java.util.TreeMap<>(context));
      }

      @Override
      public void set(String n, double value, Map<String, String> context) {}

      @Override
      public void timing(String n, Duration elapsed, Map<String, String> context) {}
    };
  }

  @Override
  public Clock clock() {
    return Clock.systemUTC();
  }

  @Override
  public EventCodec events() {
    return codec;
  }

  @Override
  public Path configRoot() {
    return Path.of(".");
  }

  @Override
  public RecordReader records() {
    return records;
  }

  @Override
  public HealthReporter health() {
    return new HealthReporter() {
      @Override
      public void healthy() {
        health.add("healthy");
        if (healthTarget != null) {
          healthTarget.healthy();
        }
      }

      @Override
      public void unhealthy(String reason) {
        health.add(reason);
        if (healthTarget != null) {
          healthTarget.unhealthy(reason);
        }
      }

      @Override
      public void down(String reason) {
        health.add(reason);
        if (healthTarget != null) {
          healthTarget.down(reason);
        }
      }
    };
  }
}
