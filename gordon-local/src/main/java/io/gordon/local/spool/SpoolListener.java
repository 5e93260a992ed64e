package io.gordon.local.spool;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import java.util.List;

/** Learns what happens to spooled events, e.g. to answer status queries. Must be quick. */
public interface SpoolListener {
  /** The message {@code id} was handed to the router (again, after a redelivery). */
  default void submitted(String id) {}

  /** The message {@code id} was settled with {@code outcome}. */
  default void settled(String id, Outcome outcome, List<HistoryEntry> history) {}

  /** Listens to nothing. */
  SpoolListener NONE = new SpoolListener() {};
}
