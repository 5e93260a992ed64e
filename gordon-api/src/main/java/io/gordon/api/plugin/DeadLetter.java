package io.gordon.api.plugin;

import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.HistoryEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A message that could not be applied, with everything an operator needs to understand it and
 * replay it.
 *
 * @param messageId the message id
 * @param parkedAt when it was parked
 * @param reason why it could not be applied
 * @param phase the phase it failed in
 * @param plugin the plugin that failed it, or empty when the core did (e.g. too old)
 * @param event the decoded event, when decoding succeeded
 * @param payload the raw input, when decoding failed
 * @param history the message's full history
 * @param attributes the source's metadata
 */
public record DeadLetter(
    String messageId,
    Instant parkedAt,
    String reason,
    String phase,
    String plugin,
    Optional<DnsEvent> event,
    Optional<String> payload,
    List<HistoryEntry> history,
    Map<String, String> attributes) {
  /** Validates and copies the fields. */
  public DeadLetter {
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(parkedAt, "parkedAt == null");
    Objects.requireNonNull(reason, "reason == null");
    Objects.requireNonNull(phase, "phase == null");
    Objects.requireNonNull(plugin, "plugin == null");
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(payload, "payload == null");
    history = List.copyOf(history);
    attributes = Map.copyOf(attributes);
  }
}
