package io.gordon.core.metrics;

import io.gordon.api.config.PluginConfig;

/** Lenient readers for relay settings that the original accepted as numbers or strings. */
final class Settings {
  private Settings() {}

  static Object first(PluginConfig c, String... keys) {
    for (String k : keys) {
      Object v = c.values().get(k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static double number(PluginConfig c, double fallback, String... keys) {
    Object v = first(c, keys);
    if (v == null) {
      return fallback;
    }
    return v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().trim());
  }

  static String string(PluginConfig c, String fallback, String... keys) {
    Object v = first(c, keys);
    return v == null ? fallback : v.toString();
  }
}
