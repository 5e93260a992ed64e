package io.gordon.api.plugin;

import io.gordon.api.model.EventMessage;

/**
 * Handles the messages in one phase (e.g. {@code enrich}). Called concurrently for different record
 * names, never concurrently for the same name. Must be thread-safe.
 */
public interface MessageHandler extends GordonPlugin {
  /** The phase this handler serves, a value in {@code core.route}. */
  String phase();

  /**
   * Handles a message and returns it, possibly with another event or more history. Throw {@link
   * io.gordon.api.RetriableException} for a transient failure and {@link
   * io.gordon.api.PermanentException} for one that retrying cannot fix.
   */
  EventMessage handle(EventMessage message);
}
