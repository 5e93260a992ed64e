package io.gordon.api.plugin;

/**
 * What every plugin has: a start and a shutdown. The core calls {@link #start()} once before any
 * message flows and {@link #shutdown()} once when the service stops, after in-flight work has
 * drained, in reverse start order.
 */
public interface GordonPlugin {
  /**
   * Opens connections and checks what can be checked before messages flow. Throwing here is a
   * plugin load failure, reported with the plugin's name. The default does nothing.
   */
  default void start() {}

  /** Releases every resource. Must not throw; must return within a few seconds. */
  default void shutdown() {}
}
