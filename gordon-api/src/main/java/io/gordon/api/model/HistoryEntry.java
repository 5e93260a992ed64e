package io.gordon.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a message's history, as in the original gordon: when, which plugin (or phase), and
 * what happened.
 *
 * @param timestamp when the entry was written
 * @param plugin the plugin or phase that wrote it; empty for the router's own entries
 * @param message what happened
 */
public record HistoryEntry(Instant timestamp, String plugin, String message) {
  /** Checks that no field is null. */
  public HistoryEntry {
    Objects.requireNonNull(timestamp, "timestamp == null");
    Objects.requireNonNull(plugin, "plugin == null");
    Objects.requireNonNull(message, "message == null");
  }
}
