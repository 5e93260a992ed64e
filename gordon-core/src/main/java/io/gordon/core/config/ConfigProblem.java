package io.gordon.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * One configuration problem, printed as {@code FILE:LINE:COL: KEY: problem (expected ...)}.
 *
 * @param origin where the offending value (or its table) was written
 * @param key the full dotted key, e.g. {@code gcp.publisher.default_ttl}; empty for file-level
 *     problems such as TOML syntax errors
 * @param problem what is wrong, e.g. {@code invalid value 3}
 * @param expected what would be right, e.g. {@code an integer, at least 5}; empty for none
 * @param plugin the plugin the problem belongs to, so that {@code core.debug = true} can skip that
 *     plugin instead of failing; empty for problems of the core or of shared tables
 */
public record ConfigProblem(
    Origin origin, String key, String problem, String expected, Optional<String> plugin) {

  /** Validates the fields. */
  public ConfigProblem {
    Objects.requireNonNull(origin, "origin == null");
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(problem, "problem == null");
    Objects.requireNonNull(expected, "expected == null");
    Objects.requireNonNull(plugin, "plugin == null");
  }

  /** A problem of the core or of a shared table. */
  public static ConfigProblem of(Origin origin, String key, String problem, String expected) {
    return new ConfigProblem(origin, key, problem, expected, Optional.empty());
  }

  /** The same problem, attributed to {@code pluginName}. */
  public ConfigProblem forPlugin(String pluginName) {
    return new ConfigProblem(origin, key, problem, expected, Optional.of(pluginName));
  }

  /** The formatted line. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(origin.toString()).append(": ");
    if (!key.isEmpty()) {
      sb.append(key).append(": ");
    }
    sb.append(problem);
    if (!expected.isEmpty()) {
      sb.append(" (expected ").append(expected).append(')');
    }
    return sb.toString();
  }
}
