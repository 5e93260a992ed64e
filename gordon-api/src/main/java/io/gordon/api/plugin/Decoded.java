package io.gordon.api.plugin;

import io.gordon.api.model.DnsEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One item of a body decoded by {@link EventCodec#decodeAll}: an event, or the problems that
 * stopped it.
 *
 * @param index the item's position, from 0 (array element or line)
 * @param raw the item's text as received
 * @param event the event, when the item is valid
 * @param problems what is wrong, when it is not; each names the field and value
 */
public record Decoded(int index, String raw, Optional<DnsEvent> event, List<String> problems) {
  /** Validates that exactly one of event and problems is given. */
  public Decoded {
    Objects.requireNonNull(raw, "raw == null");
    Objects.requireNonNull(event, "event == null");
    problems = List.copyOf(problems);
    if (event.isPresent() == !problems.isEmpty()) {
      throw new IllegalArgumentException("a decoded item has either an event or problems");
    }
  }

  /** Whether the item decoded into an event. */
  public boolean ok() {
    return event.isPresent();
  }
}
