package io.gordon.local.spool;

import io.gordon.api.model.DnsEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Events already decoded by the appender, keyed by their line, handed to the reader so it need not
 * decode them again. Bounded: beyond {@link #MAX_DECODED} the reader decodes. Thread-safe.
 */
final class DecodedEvents {
  /** At most this many decoded events wait for the reader; beyond, the reader decodes. */
  private static final int MAX_DECODED = 10_000;

  private final Map<String, DnsEvent> decoded = new ConcurrentHashMap<>();

  /** Offers {@code events.get(i)} as what {@code lines.get(i)} decodes to, while there is room. */
  void offer(List<String> lines, List<DnsEvent> events) {
    for (int i = 0; i < lines.size() && decoded.size() < MAX_DECODED; i++) {
      decoded.put(lines.get(i), events.get(i));
    }
  }

  /** Takes back what {@link #offer} put for {@code lines} (their append failed). */
  void withdraw(List<String> lines) {
    lines.forEach(decoded::remove);
  }

  /** Takes the event decoded from {@code line}, if one waits. */
  Optional<DnsEvent> take(String line) {
    return Optional.ofNullable(decoded.remove(line));
  }
}
