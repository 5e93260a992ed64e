package io.gordon.core.metrics;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.gordon.api.plugin.GordonPlugin;
import io.gordon.api.plugin.MetricRelay;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code ffwd} relay: one UDP datagram of JSON per metric, byte for byte as the original's
 * {@code json.dumps}: {@code {"key": K, "attributes": {"what": NAME, "metric_type": "meter",
 * ...context}, "value": V, "type": "metric"}}. Counters and gauges are meters (no aggregation, as
 * the original); timers are {@code metric_type: "timer"} with seconds times time_unit.
 */
public final class FfwdRelay implements MetricRelay, GordonPlugin {
  private static final Logger LOG = LoggerFactory.getLogger("gordon.metrics.ffwd");
  private final String key;
  private final InetSocketAddress target;
  private final double timeUnit;
  private final DatagramChannel channel;
  private volatile boolean warned;

  /** Creates a relay sending to {@code host:port}. */
  public FfwdRelay(String key, String host, int port, double timeUnit) {
    this.key = key;
    this.target = new InetSocketAddress(host, port);
    this.timeUnit = timeUnit;
    try {
      this.channel = DatagramChannel.open();
    } catch (IOException e) {
      throw new io.gordon.api.PluginLoadException("ffwd", "cannot open a UDP socket: " + e, e);
    }
  }

  @Override
  public void incr(String name, long value, Map<String, String> context) {
    send(datagram(key, name, "meter", Long.toString(value), context));
  }

  @Override
  public void set(String name, double value, Map<String, String> context) {
    send(datagram(key, name, "meter", PythonRepr.number(value), context));
  }

  @Override
  public void timing(String name, Duration elapsed, Map<String, String> context) {
    send(
        datagram(key, name, "timer", Double.toString(elapsed.toNanos() / 1e9 * timeUnit), context));
  }

  @Override
  public void cleanup() {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing the ffwd socket failed", e);
    }
  }

  @Override
  public void shutdown() {
    cleanup();
  }

  /** The datagram text for one metric. */
  static String datagram(
      String key, String name, String type, String value, Map<String, String> context) {
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("what", name);
    attrs.put("metric_type", type);
    attrs.putAll(PythonRepr.ordered(context));
    StringBuilder sb =
        new StringBuilder("{\"key\": ").append(quote(key)).append(", \"attributes\": {");
    boolean first = true;
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      sb.append(first ? "" : ", ")
          .append(quote(e.getKey()))
          .append(": ")
          .append(quote(e.getValue()));
      first = false;
    }
    return sb.append("}, \"value\": ").append(value).append(", \"type\": \"metric\"}").toString();
  }

  private static String quote(String s) {
    // Python's json.dumps escapes non-ASCII (ensure_ascii=True).
    StringBuilder sb = new StringBuilder("\"");
    for (char c : JsonStringEncoder.getInstance().quoteAsString(s)) {
      if (c > 0x7e) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private void send(String text) {
    try {
      channel.send(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), target);
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        warned = true;
        LOG.warn("cannot send metrics to ffwd at {}: {}", target, e.toString());
      }
    }
  }
}
