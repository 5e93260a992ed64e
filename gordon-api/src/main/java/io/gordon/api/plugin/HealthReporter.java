package io.gordon.api.plugin;

/**
 * Where a plugin reports whether it can do its work. {@code /readyz} answers 503, naming the
 * plugin and its reason, while a plugin has been unhealthy for longer than the configured
 * threshold. Thread-safe; cheap enough to call on every operation.
 */
public interface HealthReporter {
  /** The plugin works (e.g. the last call to its server succeeded). */
  void healthy();

  /** The plugin cannot work now; {@code reason} says why, e.g. "subscribe failed: UNAVAILABLE". */
  void unhealthy(String reason);
}
