package io.gordon.api.plugin;

import io.gordon.api.model.DnsEvent;
import java.util.List;

/**
 * Decodes and encodes events in the formats every source shares: the original's generic event
 * ({@code action}, {@code timestamp}, {@code resourceRecords}, optional {@code id}) and the GCE
 * audit-log entry. Validation is strict and every problem names the field and the value.
 * Implemented by the core; thread-safe.
 */
public interface EventCodec {
  /**
   * Decodes one JSON document.
   *
   * @throws io.gordon.api.InvalidEventException listing every problem found
   */
  DnsEvent decode(String json);

  /**
   * Decodes a body holding one event, a JSON array of events, or JSON lines. Each item is decoded
   * on its own, so one bad item does not hide the others.
   */
  List<Decoded> decodeAll(String body);

  /** Encodes an event as one line of JSON (a generic event) that {@link #decode} reads back. */
  String encode(DnsEvent event);
}
