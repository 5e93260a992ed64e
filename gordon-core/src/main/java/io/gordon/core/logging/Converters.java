package io.gordon.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.DynamicConverter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Logback converters for the Python record fields logback lacks. */
final class Converters {
  private Converters() {}

  static final Map<String, Supplier<DynamicConverter<ILoggingEvent>>> ALL =
      Map.of(
          "pylevel",
          PyLevel::new,
          "pylevelno",
          PyLevelNo::new,
          "pid",
          Pid::new,
          "created",
          Created::new,
          "pyprocessname",
          ProcessName::new);

  /** Python level names: WARNING for WARN. */
  static String pythonLevel(Level l) {
    return l.levelInt == Level.WARN_INT ? "WARNING" : l.levelStr;
  }

  /** %(levelname)s. */
  public static final class PyLevel extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent e) {
      return pythonLevel(e.getLevel());
    }
  }

  /** %(levelno)d: 10, 20, 30, 40 as in Python. */
  public static final class PyLevelNo extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent e) {
      return switch (e.getLevel().levelInt) {
        case Level.TRACE_INT, Level.DEBUG_INT -> "10";
        case Level.INFO_INT -> "20";
        case Level.WARN_INT -> "30";
        default -> "40";
      };
    }
  }

  /** %(process)d. */
  public static final class Pid extends ClassicConverter {
    private static final String PID = Long.toString(ProcessHandle.current().pid());

    @Override
    public String convert(ILoggingEvent e) {
      return PID;
    }
  }

  /** %(processName)s. */
  public static final class ProcessName extends ClassicConverter {
    @Override
    public String convert(ILoggingEvent e) {
      return "MainProcess";
    }
  }

  /** %(created)f: seconds since the epoch with the given number of decimals. */
  public static final class Created extends ClassicConverter {
    private String format = "%.6f";

    @Override
    public void start() {
      String opt = getFirstOption();
      if (opt != null && opt.matches("\\d+")) {
        format = "%." + opt + "f";
      }
      super.start();
    }

    @Override
    public String convert(ILoggingEvent e) {
      return String.format(Locale.ROOT, format, e.getTimeStamp() / 1000.0);
    }
  }
}
