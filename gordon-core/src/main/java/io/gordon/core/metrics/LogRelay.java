package io.gordon.core.metrics;

import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The default relay, {@code metrics-logger}: logs each metric on logger {@code
 * gordon.metrics-logger} as the original did: {@code [<name>] value: <v>}, plus {@code context:
 * {'k': 'v'}} when there are attributes. Counters are cumulative per name; timers log seconds times
 * {@code time_unit}. A gauge is logged only when its value differs from the last one logged for the
 * same name and attributes: sources republish theirs every poll interval, and an idle service
 * should not log two unchanged lines a second.
 */
public final class LogRelay implements MetricRelay, GordonPlugin {
  private static final Logger LOG = LoggerFactory.getLogger("gordon.metrics-logger");
  private final Level level;
  private final double timeUnit;
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Map<GaugeKey, Double> gauges = new ConcurrentHashMap<>();

  private record GaugeKey(String name, Map<String, String> context) {}

  /** Creates a relay logging at {@code level} (Python level name) with {@code timeUnit}. */
  public LogRelay(String level, double timeUnit) {
    this.level = toLevel(level);
    this.timeUnit = timeUnit;
  }

  @Override
  public void incr(String name, long value, Map<String, String> context) {
    long total = counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(value);
    if (enabled()) {
      log(name, Long.toString(total), context);
    }
  }

  // The value is formatted only when the line is logged: the router reports several metrics per
  // message, and formatting them (Double.toString) for a level that is off was most of what they
  // cost.
  @Override
  public void set(String name, double value, Map<String, String> context) {
    if (enabled()) {
      Double last = gauges.put(new GaugeKey(name, context), value);
      if (last == null || Double.compare(last, value) != 0) {
        log(name, PythonRepr.number(value), context);
      }
    }
  }

  @Override
  public void timing(String name, Duration elapsed, Map<String, String> context) {
    if (enabled()) {
      log(name, Double.toString(elapsed.toNanos() / 1e9 * timeUnit), context);
    }
  }

  private boolean enabled() {
    return LOG.isEnabledForLevel(level);
  }

  /** The line logged for a metric. */
  static String line(String name, String value, Map<String, String> context) {
    String s = "[" + name + "] value: " + value;
    return context.isEmpty() ? s : s + " context: " + PythonRepr.dict(context);
  }

  private void log(String name, String value, Map<String, String> context) {
    LOG.atLevel(level).log(line(name, value, context));
  }

  private static Level toLevel(String python) {
    return switch (python.toLowerCase(Locale.ROOT)) {
      case "debug" -> Level.DEBUG;
      case "warning", "warn" -> Level.WARN;
      case "error", "critical", "fatal" -> Level.ERROR;
      default -> Level.INFO;
    };
  }
}
