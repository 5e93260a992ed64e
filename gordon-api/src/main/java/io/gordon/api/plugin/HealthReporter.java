package io.gordon.api.plugin;

/**
 * Where a plugin reports whether it can do its work. {@code /readyz} answers 503, naming the plugin
 * and its reason, while a plugin has been unhealthy for longer than the configured threshold.
 * Thread-safe; cheap enough to call on every operation.
 */
public interface HealthReporter {
  /** The plugin works (e.g. the last call to its server succeeded). */
  void healthy();

  /** The plugin cannot work now; {@code reason} says why, e.g. "subscribe failed: UNAVAILABLE". */
  void unhealthy(String reason);

  /**
   * The plugin cannot do its work and {@code /readyz} must say so at once, without the threshold
   * that {@link #unhealthy} waits for: e.g. a source that is not consuming yet (its subscription
   * does not exist, its stream is not open). The next {@link #healthy} clears it. Also valid before
   * the plugin has started: readiness then stays 503 after its start. The default reports {@link
   * #unhealthy}.
   */
  default void down(String reason) {
    unhealthy(reason);
  }
}
