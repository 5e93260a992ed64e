package io.gordon.core.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LevelToSyslogSeverity;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.net.SyslogAppenderBase;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Syslog over TCP (RFC 3164 message, newline framed as RFC 6587), for core.logging.proto = "tcp";
 * logback's own SyslogAppender speaks UDP only. Reconnects on the next event after a failure; a
 * line that cannot be sent is dropped (logging must never block the service).
 */
public final class TcpSyslogAppender extends AppenderBase<ILoggingEvent> {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("MMM d HH:mm:ss", Locale.ENGLISH);
  private final String host;
  private final int port;
  private final int facility;
  private final String suffixPattern;
  private PatternLayout layout;
  private String hostname;
  private Socket socket;
  private OutputStream out;

  /** Creates an appender for {@code host:port} with a syslog facility name (e.g. local0). */
  public TcpSyslogAppender(String host, int port, String facility, String suffixPattern) {
    this.host = host;
    this.port = port;
    this.facility = SyslogAppenderBase.facilityStringToint(facility.toUpperCase(Locale.ROOT));
    this.suffixPattern = suffixPattern;
  }

  @Override
  public void start() {
    layout = new PatternLayout();
    layout.setContext(getContext());
    layout.setPattern(suffixPattern);
    layout.start();
    hostname = hostname();
    super.start();
  }

  @Override
  protected synchronized void append(ILoggingEvent e) {
    int pri = facility + LevelToSyslogSeverity.convert(e);
    String line =
        "<"
            + pri
            + ">"
            + ZonedDateTime.now(ZoneId.systemDefault()).format(STAMP)
            + " "
            + hostname
            + " "
            + layout.doLayout(e).replace('\n', ' ')
            + "\n";
    try {
      if (out == null) {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), 2000);
        out = socket.getOutputStream();
      }
      out.write(line.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException ex) {
      closeQuietly();
      addWarn("syslog over TCP to " + host + ":" + port + " failed: " + ex);
    }
  }

  private static String hostname() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  private void closeQuietly() {
    try {
      if (socket != null) {
        socket.close();
      }
    } catch (IOException ignored) {
      // already broken
    }
    socket = null;
    out = null;
  }

  @Override
  public synchronized void stop() {
    closeQuietly();
    super.stop();
  }
}
