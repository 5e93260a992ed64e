package io.gordon.core.router;

import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import java.util.List;

/**
 * The fate of one message run through {@link Pipeline#runOnce}.
 *
 * @param messageId the message id
 * @param outcome what happened
 * @param history the message's full history
 */
public record Settled(String messageId, Outcome outcome, List<HistoryEntry> history) {
  /** Copies the history. */
  public Settled {
    history = List.copyOf(history);
  }
}
