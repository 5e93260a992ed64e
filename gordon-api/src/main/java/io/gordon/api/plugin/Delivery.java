package io.gordon.api.plugin;

import io.gordon.api.model.HistoryEntry;
import java.util.List;

/**
 * The callback through which a source learns a message's fate. The core calls {@link #settle}
 * exactly once per submitted message, from any thread, only after the outcome is durable (applied
 * at the provider, or written to the dead-letter sink). Implementations must be quick and must not
 * throw: ack, nack or mark the offset, and return.
 */
@FunctionalInterface
public interface Delivery {
  /**
   * Reports the outcome of message {@code messageId}.
   *
   * @param messageId the id the message was submitted with
   * @param outcome what happened; {@link Outcome#acknowledge()} says whether to ack
   * @param history the message's full history, for sources that expose it
   */
  void settle(String messageId, Outcome outcome, List<HistoryEntry> history);
}
