package io.gordon.core.metrics;

import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code prometheus} relay: Micrometer meters scraped at the admin server's /metrics, named in
 * Prometheus style with their unit: counter {@code router-message-consumed} becomes {@code
 * router_message_consumed_total}, timer {@code router-message-flight-duration} becomes the
 * histogram {@code router_message_flight_duration_seconds} (buckets from 1 ms to 60 s). Attributes
 * become labels, except those that name single messages ({@code msg_id}, {@code msg_age}: one
 * series per message would grow without bound) and {@code unit}, which the name carries. Each
 * metric's HELP line names the relay-neutral name and where it is described, so {@code promtool
 * check metrics} accepts the scrape and an SRE finds the meaning from the series.
 */
public final class PrometheusRelay implements MetricRelay, GordonPlugin {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private static final java.util.Set<String> UNLABELLED =
      java.util.Set.of("msg_id", "msg_age", "unit");
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(60)
  };
  private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  @Override
  public void incr(String name, long value, Map<String, String> context) {
    Counter.builder(name)
        .description(help(name))
        .tags(tags(context))
        .register(registry)
        .increment(value);
  }

  @Override
  public void set(String name, double value, Map<String, String> context) {
    Tags tags = tags(context);
    String id = name + tags;
    gauges
        .computeIfAbsent(
            id,
            k -> {
              AtomicReference<Double> ref = new AtomicReference<>(0.0);
              Gauge.builder(name, ref, AtomicReference::get)
                  .description(help(name))
                  .tags(tags)
                  .register(registry);
              return ref;
            })
        .set(value);
  }

  @Override
  public void timing(String name, Duration elapsed, Map<String, String> context) {
    Tags tags = tags(context);
    timers
        .computeIfAbsent(
            name + tags,
            k ->
                Timer.builder(name)
                    .description(help(name))
                    .tags(tags)
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry))
        .record(elapsed);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * The HELP text: the name gordon emits (the original's, for its metrics) and the documentation
   * that says what it counts; the meanings are written there once, not repeated here.
   */
  private static String help(String name) {
    return "gordon metric " + name + " (docs/operations.md#metrics or the plugin's docs)";
  }

  private static Tags tags(Map<String, String> context) {
    if (context.isEmpty()) {
      return Tags.empty();
    }
    return Tags.of(
        context.entrySet().stream()
            .filter(e -> !UNLABELLED.contains(e.getKey()))
            .map(e -> Tag.of(e.getKey(), e.getValue()))
            .toList());
  }

  @Override
  public void cleanup() {
    registry.close();
  }
}
