package io.gordon.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.net.SyslogAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.gordon.core.config.CoreSettings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Configures logback from core.logging, as the original's ulogger setup: a level, and handlers
 * {@code stream} (stderr), {@code syslog} (UDP or TCP, facility) and {@code stackdriver} (Cloud
 * Logging JSON on stdout), with Python {@code fmt} / {@code date_fmt}. JUL (the System.Logger
 * plugins use) is routed to SLF4J. Message ids are in the MDC as {@code msg_id}.
 */
public final class GordonLogging {
  private static final String SYSLOG_FMT = "gordon[%(process)d]: %(levelname)s: %(message)s";

  private GordonLogging() {}

  /** The handlers used when core.logging.handlers is not set: stream on a terminal. */
  // On JDK 22+ System.console() is not null for redirected streams either, so the stream handler
  // is the default there (bin/gordon under the tests, systemd's journal); kept as it is.
  @SuppressWarnings("SystemConsoleNull")
  public static List<String> defaultHandlers() {
    return System.console() != null ? List.of("stream") : List.of("syslog");
  }

  /** Replaces the logging configuration with the one {@code settings} describe. */
  public static void configure(CoreSettings.Logging settings) {
    configure(settings, false);
  }

  /**
   * As {@link #configure}, for a command whose standard output carries its results: nothing is
   * logged to stdout (stackdriver lines go to stderr) and the default handler is stream.
   */
  public static void configureForCommand(CoreSettings.Logging settings) {
    configure(settings, true);
  }

  private static void configure(CoreSettings.Logging settings, boolean stdoutIsOutput) {
    LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
    ctx.reset();
    ctx.putObject(CoreConstants.PATTERN_RULE_REGISTRY_FOR_SUPPLIERS, new HashMap<>(Converters.ALL));
    LevelChangePropagator jul = new LevelChangePropagator();
    jul.setContext(ctx);
    jul.setResetJUL(true);
    jul.start();
    ctx.addListener(jul);
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(level(settings.level()));
    if (root.getLevel() == Level.INFO) {
      // the Kafka client logs its whole configuration (~130 lines) and every step of group
      // coordination at INFO; gordon logs what matters of it (assignments) itself
      ctx.getLogger("org.apache.kafka").setLevel(Level.WARN);
    }
    List<String> handlers =
        !settings.handlers().isEmpty()
            ? settings.handlers()
            : stdoutIsOutput ? List.of("stream") : defaultHandlers();
    for (String h : handlers) {
      for (Appender<ILoggingEvent> a : appenders(ctx, h, settings, stdoutIsOutput)) {
        a.start();
        root.addAppender(a);
      }
    }
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  /** Flushes and stops logging (the last step of shutdown). */
  public static void stop() {
    ((LoggerContext) LoggerFactory.getILoggerFactory()).stop();
  }

  /** Python level names (CRITICAL, WARNING...) as logback levels. */
  static Level level(String python) {
    return switch (python.toUpperCase(Locale.ROOT)) {
      case "DEBUG", "NOTSET" -> Level.DEBUG;
      case "WARNING", "WARN" -> Level.WARN;
      case "ERROR", "CRITICAL", "FATAL" -> Level.ERROR;
      default -> Level.INFO;
    };
  }

  private static List<Appender<ILoggingEvent>> appenders(
      LoggerContext ctx, String handler, CoreSettings.Logging s, boolean stdoutIsOutput) {
    List<Appender<ILoggingEvent>> out = new ArrayList<>();
    switch (handler) {
      case "stream" -> out.add(stream(ctx, s));
      case "syslog" -> out.add(syslog(ctx, s));
      case "stackdriver" -> out.add(stackdriver(ctx, stdoutIsOutput ? "System.err" : "System.out"));
      default ->
          throw new IllegalArgumentException(
              "core.logging.handlers has \""
                  + handler
                  + "\" (expected stream, syslog or stackdriver)");
    }
    return out;
  }

  private static Appender<ILoggingEvent> stream(LoggerContext ctx, CoreSettings.Logging s) {
    PatternLayoutEncoder enc = new PatternLayoutEncoder();
    enc.setContext(ctx);
    enc.setPattern(
        PythonFormat.pattern(
                s.fmt().orElse(PythonFormat.DEFAULT_FMT),
                s.dateFmt().orElse(s.fmt().isPresent() ? null : PythonFormat.DEFAULT_DATEFMT))
            + "%n");
    enc.start();
    ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
    a.setContext(ctx);
    a.setName("stream");
    a.setTarget("System.err");
    a.setEncoder(enc);
    return a;
  }

  private static Appender<ILoggingEvent> stackdriver(LoggerContext ctx, String target) {
    StackdriverLayout layout = new StackdriverLayout();
    layout.setContext(ctx);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
    enc.setContext(ctx);
    enc.setLayout(layout);
    enc.start();
    ConsoleAppender<ILoggingEvent> a = new ConsoleAppender<>();
    a.setContext(ctx);
    a.setName("stackdriver");
    a.setTarget(target);
    a.setEncoder(enc);
    return a;
  }

  private static Appender<ILoggingEvent> syslog(LoggerContext ctx, CoreSettings.Logging s) {
    SyslogAddress addr = SyslogAddress.of(s.address(), System.getenv());
    if (addr.note() != null) {
      System.err.println("gordon: " + addr.note());
    }
    String suffix = PythonFormat.pattern(s.fmt().orElse(SYSLOG_FMT), s.dateFmt().orElse(null));
    if (s.proto().equalsIgnoreCase("tcp") || s.proto().equals("1")) {
      TcpSyslogAppender t = new TcpSyslogAppender(addr.host(), addr.port(), s.facility(), suffix);
      t.setContext(ctx);
      t.setName("syslog");
      return t;
    }
    SyslogAppender a = new SyslogAppender();
    a.setContext(ctx);
    a.setName("syslog");
    a.setSyslogHost(addr.host());
    a.setPort(addr.port());
    a.setFacility(s.facility().toUpperCase(Locale.ROOT));
    a.setSuffixPattern(suffix);
    return a;
  }
}
