package io.gordon.core.metrics;

import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code prometheus} relay: Micrometer meters scraped at the admin server's /metrics.
 * {@code router-message-consumed} becomes {@code router_message_consumed_total}; attributes
 * become labels.
 */
public final class PrometheusRelay implements MetricRelay, GordonPlugin {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, AtomicReference<Double>> gauges = new ConcurrentHashMap<>();

  @Override
  public void incr(String name, long value, Map<String, String> context) {
    registry.counter(name, tags(context)).increment(value);
  }

  @Override
  public void set(String name, double value, Map<String, String> context) {
    Tags tags = tags(context);
    String id = name + tags;
    gauges.computeIfAbsent(id, k -> {
      AtomicReference<Double> ref = new AtomicReference<>(0.0);
      registry.gauge(name, tags, ref, AtomicReference::get);
      return ref;
    }).set(value);
  }

  @Override
  public void timing(String name, Duration elapsed, Map<String, String> context) {
    registry.timer(name, tags(context)).record(elapsed);
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  private static Tags tags(Map<String, String> context) {
    if (context.isEmpty()) {
      return Tags.empty();
    }
    return Tags.of(context.entrySet().stream().map(e -> Tag.of(e.getKey(), e.getValue()))
        .toList());
  }

  @Override
  public void cleanup() {
    registry.close();
  }
}
