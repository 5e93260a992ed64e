package io.gordon.api.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event on its way through the router: the original gordon's event message, made immutable.
 * Every step returns a new message with one more {@link HistoryEntry}; the history is an immutable
 * list that these copies share, so a step does not copy it.
 *
 * @param id unique id: the source's message id, or the event's own {@code id}
 * @param event the decoded event
 * @param phase the phase the message is in, e.g. {@code consume}, {@code publish}
 * @param history every step so far, oldest first
 * @param createdAt when the event was published at its source (Pub/Sub publish time, HTTP receipt,
 *     file line read); the age limit {@code max_msg_age} counts from here
 * @param attributes source metadata, e.g. {@code ordering_key}, {@code partition}
 */
public record EventMessage(
    String id,
    DnsEvent event,
    String phase,
    List<HistoryEntry> history,
    Instant createdAt,
    Map<String, String> attributes) {

  /** Validates and copies the fields. */
  public EventMessage {
    Objects.requireNonNull(id, "id == null");
    if (id.isBlank()) {
      throw new IllegalArgumentException("message id must not be blank");
    }
    Objects.requireNonNull(event, "event == null");
    Objects.requireNonNull(phase, "phase == null");
    history = HistoryList.of(history);
    Objects.requireNonNull(createdAt, "createdAt == null");
    attributes = Map.copyOf(attributes);
  }

  /** A new message in {@code phase} with an empty history. */
  public static EventMessage create(
      String id, DnsEvent event, String phase, Instant createdAt, Map<String, String> attributes) {
    return new EventMessage(id, event, phase, List.of(), createdAt, attributes);
  }

  /** A copy with one more history entry. */
  public EventMessage withHistory(Instant at, String plugin, String text) {
    return new EventMessage(
        id,
        event,
        phase,
        HistoryList.append(history, new HistoryEntry(at, plugin, text)),
        createdAt,
        attributes);
  }

  /** A copy in phase {@code next}, with the original's "Updated phase from X to Y" entry. */
  public EventMessage withPhase(Instant at, String next) {
    return new EventMessage(id, event, next, history, createdAt, attributes)
        .withHistory(at, "", "Updated phase from " + phase + " to " + next);
  }

  /** A copy carrying another event (what an enricher returns). */
  public EventMessage withEvent(DnsEvent other) {
    return new EventMessage(id, other, phase, history, createdAt, attributes);
  }

  /**
   * The key under which the router handles messages strictly in order: the record name (see {@link
   * DnsEvent#orderingKey()}). The router takes it once, at intake.
   */
  public String orderingKey() {
    return event.orderingKey();
  }
}
