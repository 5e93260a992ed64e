package io.gordon.local.zonefile;

import io.gordon.api.config.PluginConfig;
import io.gordon.api.plugin.EventCodec;
import io.gordon.api.plugin.HealthReporter;
import io.gordon.api.plugin.MetricRelay;
import io.gordon.api.plugin.PluginContext;
import io.gordon.api.plugin.RecordReader;
import io.gordon.local.TestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A local.zonefile context whose health reports are kept ("ok" or the reason), in order. */
final class RecordingHealthContext implements PluginContext, HealthReporter {
  final List<String> reports = new CopyOnWriteArrayList<>();
  private final PluginContext base;

  RecordingHealthContext(Map<String, Object> values, Clock clock, Path root) {
    base = TestContext.of("local.zonefile", ZoneFileFactory.SPEC, values, clock, root);
  }

  String last() {
    return reports.isEmpty() ? "" : reports.get(reports.size() - 1);
  }

  @Override
  public void healthy() {
    reports.add("ok");
  }

  @Override
  public void unhealthy(String reason) {
    reports.add(reason);
  }

  @Override
  public HealthReporter health() {
    return this;
  }

  @Override
  public String pluginName() {
    return base.pluginName();
  }

  @Override
  public PluginConfig config() {
    return base.config();
  }

  @Override
  public MetricRelay metrics() {
    return base.metrics();
  }

  @Override
  public Clock clock() {
    return base.clock();
  }

  @Override
  public EventCodec events() {
    return base.events();
  }

  @Override
  public Path configRoot() {
    return base.configRoot();
  }

  @Override
  public RecordReader records() {
    return base.records();
  }
}
