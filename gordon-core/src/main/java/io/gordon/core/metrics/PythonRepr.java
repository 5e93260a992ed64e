package io.gordon.core.metrics;

import java.util.Locale;
import java.util.Map;

/** Renders values as Python's repr does, so metric log lines match the original's exactly. */
final class PythonRepr {
  private PythonRepr() {}

  /**
   * Keys in a stable order: as given for ordered maps, else sorted (Python keeps insertion order;
   * sorting gives the original's order for every router metric).
   */
  static Map<String, String> ordered(Map<String, String> m) {
    return m instanceof java.util.LinkedHashMap || m instanceof java.util.SortedMap || m.size() < 2
        ? m
        : new java.util.TreeMap<>(m);
  }

  /** {@code {'k': 'v', ...}} in {@link #ordered} order. */
  static String dict(Map<String, String> m) {
    StringBuilder sb = new StringBuilder("{");
    ordered(m)
        .forEach(
            (k, v) -> {
              if (sb.length() > 1) {
                sb.append(", ");
              }
              sb.append(str(k)).append(": ").append(str(v));
            });
    return sb.append('}').toString();
  }

  /** A Python str repr: single quotes unless the text holds a single quote and no double. */
  static String str(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c == q) {
            sb.append('\\');
          }
          sb.append(c);
        }
      }
    }
    return sb.append(q).toString();
  }

  /** A number as Python prints it: integral values without a fraction, others as repr(float). */
  static String number(double v) {
    if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = Double.toString(v);
    if (s.contains("E")) {
      // Python: 1e-05, Java: 1.0E-5
      String[] p = s.split("E");
      String mant = p[0].endsWith(".0") ? p[0].substring(0, p[0].length() - 2) : p[0];
      int exp = Integer.parseInt(p[1]);
      return mant + "e" + (exp < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d", Math.abs(exp));
    }
    return s;
  }
}
