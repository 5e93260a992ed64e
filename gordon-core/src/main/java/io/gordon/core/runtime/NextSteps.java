package io.gordon.core.runtime;

/**
 * The operator's next step for a {@code /readyz} problem line, by the kind of component: the reason
 * says what is wrong, this says what to do about it. Short on purpose; docs/operations.md ("Health
 * and the admin server") has the details. Components are named by the core (see {@link
 * HealthRegistry}): {@code router}, {@code dead-letter sink}, {@code janitor}, {@code <provider>
 * zone <zone>}, {@code <provider>.ownership}, else a plugin's name.
 */
final class NextSteps {
  static final String STOPPING = "none, gordon is stopping";
  static final String STARTING =
      "wait for its start; if this lasts, the log says what it waits for";
  static final String SINK =
      "make the dead-letter destination writable (free space, permissions, the topic's"
          + " credentials); messages are redelivered meanwhile";
  static final String JANITOR =
      "fix what the reason names, check with bin/gordon janitor -c DIR --dry-run; the next"
          + " run that ends well clears this";
  static final String ZONE =
      "check that the server (or file) of the zone takes gordon's writes: up and reachable, the"
          + " key allowed to update it, space on the disk; changes are retried, none is lost";
  static final String BREAKER =
      "confirm the deletions are wanted, then replay their dead letters (or raise"
          + " core.ownership.delete_threshold); deletions resume once the window slides past";
  static final String PLUGIN =
      "fix what the reason names (the plugin retries by itself; its docs list the causes)";

  private NextSteps() {}

  /**
   * The next step for {@code component}, which is not ready: not started (or stopped) when {@code
   * started} is false, with {@code reason} when one was given.
   */
  static String of(String component, boolean started, String reason) {
    if (component.endsWith(".ownership")) {
      return BREAKER;
    }
    if (!started) {
      return reason == null ? STARTING : STOPPING; // the router's "shutting down", "shut down"
    }
    if (component.contains(" zone ")) {
      return ZONE;
    }
    return switch (component) {
      case "dead-letter sink" -> SINK;
      case "janitor" -> JANITOR;
      default -> PLUGIN;
    };
  }
}
