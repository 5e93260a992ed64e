package io.gordon.core.logging;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates Python logging formats ({@code %(name)s} records, strftime dates) into logback
 * patterns, so that core.logging.fmt and date_fmt work as in the original.
 */
public final class PythonFormat {
  /** The original's stream format (ulogger). */
  public static final String DEFAULT_FMT =
      "%(asctime)s.%(msecs)03dZ gordon (%(process)d) %(levelname)s: %(message)s";

  /** The original's date format. */
  public static final String DEFAULT_DATEFMT = "%Y-%m-%dT%H:%M:%S";

  private static final Pattern FIELD =
      Pattern.compile("%\\((\\w+)\\)([-#0 +]*)(\\d*)(?:\\.(\\d+))?([sdfrxXeEgGi])");
  private static final Map<String, String> FIELDS =
      Map.ofEntries(
          Map.entry("name", "logger"),
          Map.entry("message", "msg"),
          Map.entry("msg", "msg"),
          Map.entry("levelname", "pylevel"),
          Map.entry("levelno", "pylevelno"),
          Map.entry("process", "pid"),
          Map.entry("thread", "thread"),
          Map.entry("threadName", "thread"),
          Map.entry("processName", "pyprocessname"),
          Map.entry("created", "created"),
          Map.entry("relativeCreated", "relative"),
          Map.entry("module", "class{0}"),
          Map.entry("funcName", "method"),
          Map.entry("lineno", "line"),
          Map.entry("filename", "file"),
          Map.entry("pathname", "file"),
          Map.entry("msg_id", "X{msg_id}"));

  private PythonFormat() {}

  /** The logback pattern for Python {@code fmt} with strftime {@code datefmt} (may be null). */
  public static String pattern(String fmt, String datefmt) {
    StringBuilder out = new StringBuilder();
    Matcher m = FIELD.matcher(fmt);
    int last = 0;
    while (m.find()) {
      out.append(literal(fmt.substring(last, m.start())));
      out.append(field(m.group(1), m.group(2), m.group(3), m.group(4), datefmt));
      last = m.end();
    }
    out.append(literal(fmt.substring(last)));
    return out.toString();
  }

  private static String field(
      String name, String flags, String width, String precision, String datefmt) {
    String pad =
        width.isEmpty() || name.equals("msecs") ? "" : (flags.contains("-") ? "-" : "") + width;
    return switch (name) {
      case "asctime" -> "%" + pad + "d{" + date(datefmt) + ", UTC}";
      case "msecs" -> "%d{SSS, UTC}";
      case "created" -> "%" + pad + "created{" + (precision == null ? "6" : precision) + "}";
      default -> {
        String word = FIELDS.get(name);
        yield word == null ? literal("%(" + name + ")") : "%" + pad + word;
      }
    };
  }

  /** Escapes text that logback would read as pattern syntax. */
  static String literal(String text) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%' && i + 1 < text.length() && text.charAt(i + 1) == '%') {
        sb.append("\\%");
        i++;
      } else if (c == '%' || c == '(' || c == ')' || c == '\\') {
        sb.append('\\').append(c);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A strftime format as a logback date pattern, quoted so commas survive. */
  static String date(String strftime) {
    String f = strftime == null ? "%Y-%m-%d %H:%M:%S,%f3" : strftime;
    StringBuilder sb = new StringBuilder();
    StringBuilder lit = new StringBuilder();
    for (int i = 0; i < f.length(); i++) {
      char c = f.charAt(i);
      if (c == '%' && i + 1 < f.length()) {
        String p = directive(f.charAt(++i));
        if (p == null) {
          lit.append(c).append(f.charAt(i));
          continue;
        }
        if (f.charAt(i) == 'f' && i + 1 < f.length() && f.charAt(i + 1) == '3') {
          i++;
          p = "SSS";
        }
        flush(sb, lit);
        sb.append(p);
      } else {
        lit.append(c);
      }
    }
    flush(sb, lit);
    return "\"" + sb + "\"";
  }

  private static void flush(StringBuilder sb, StringBuilder lit) {
    if (lit.length() == 0) {
      return;
    }
    String s = lit.toString();
    if (s.chars().anyMatch(Character::isLetter) || s.contains("'")) {
      sb.append('\'').append(s.replace("'", "''")).append('\'');
    } else {
      sb.append(s);
    }
    lit.setLength(0);
  }

  private static String directive(char c) {
    return switch (c) {
      case 'Y' -> "yyyy";
      case 'y' -> "yy";
      case 'm' -> "MM";
      case 'd' -> "dd";
      case 'H' -> "HH";
      case 'I' -> "hh";
      case 'M' -> "mm";
      case 'S' -> "ss";
      case 'f' -> "SSSSSS";
      case 'p' -> "a";
      case 'b' -> "MMM";
      case 'B' -> "MMMM";
      case 'a' -> "EEE";
      case 'A' -> "EEEE";
      case 'j' -> "DDD";
      case 'Z' -> "z";
      case 'z' -> "Z";
      case '%' -> "'%'";
      default -> null;
    };
  }
}
