package io.gordon.rfc2136;

import io.gordon.api.plugin.MetricRelay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every timing, to count the UPDATE messages a provider sent. */
final class RecordingMetrics implements MetricRelay {
  final List<Map<String, String>> updates = new CopyOnWriteArrayList<>();

  @Override
  public void incr(String name, long value, Map<String, String> context) {}

  @Override
  public void set(String name, double value, Map<String, String> context) {}

  @Override
  public void timing(String name, Duration elapsed, Map<String, String> context) {
    if (name.equals("rfc2136.update")) {
      updates.add(context);
    }
  }

  long count(String rcode) {
    return updates.stream().filter(u -> u.get("rcode").equals(rcode)).count();
  }
}
