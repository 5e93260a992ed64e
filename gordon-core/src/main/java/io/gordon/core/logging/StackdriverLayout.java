package io.gordon.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * Cloud Logging structured JSON, one object per line (the format the GCE ops agent and GKE ingest
 * from stdout): severity, message (with the stack trace), timestamp, logger, thread and {@code
 * logging.googleapis.com/labels} holding the MDC (e.g. msg_id).
 */
public final class StackdriverLayout extends LayoutBase<ILoggingEvent> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String doLayout(ILoggingEvent e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("severity", severity(e.getLevel()));
    String msg = e.getFormattedMessage();
    if (e.getThrowableProxy() != null) {
      msg = msg + "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy());
    }
    o.put("message", msg);
    o.put("timestamp", Instant.ofEpochMilli(e.getTimeStamp()).toString());
    o.put("logger", e.getLoggerName());
    o.put("thread", e.getThreadName());
    Map<String, String> mdc = e.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      ObjectNode labels = o.putObject("logging.googleapis.com/labels");
      new java.util.TreeMap<>(mdc).forEach(labels::put);
    }
    return o + "\n";
  }

  static String severity(Level l) {
    return switch (l.levelInt) {
      case Level.TRACE_INT, Level.DEBUG_INT -> "DEBUG";
      case Level.INFO_INT -> "INFO";
      case Level.WARN_INT -> "WARNING";
      default -> "ERROR";
    };
  }
}
