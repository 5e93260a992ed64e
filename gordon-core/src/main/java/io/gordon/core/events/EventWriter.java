package io.gordon.core.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.io.UncheckedIOException;

/**
 * Writes an event as one line of generic-event JSON. Events that still need enrichment keep their
 * {@code resourceName} and {@code schema}, so that the line decodes to the same event.
 */
final class EventWriter {
  private EventWriter() {}

  static String write(DnsEvent event) {
    ObjectNode root = JsonEventCodec.MAPPER.createObjectNode();
    event.id().ifPresent(id -> root.put("id", id));
    root.put("action", event.action().wireName());
    event.timestamp().ifPresent(t -> root.put("timestamp", t.toString()));
    ArrayNode records = root.putArray("resourceRecords");
    for (RecordSet r : event.records()) {
      ObjectNode o = records.addObject();
      o.put("name", r.name());
      o.put("type", r.type().name());
      r.ttl().ifPresent(ttl -> o.put("ttl", ttl));
      ArrayNode rd = o.putArray("rrdatas");
      r.rdata().forEach(rd::add);
      event
          .expectedFor(r)
          .ifPresent(
              e -> {
                ArrayNode ex = o.putArray("expected");
                e.forEach(ex::add);
              });
    }
    event.resourceName().ifPresent(n -> root.put("resourceName", n));
    if (!event.schema().equals("event")) {
      root.put("schema", event.schema());
    }
    try {
      return JsonEventCodec.MAPPER.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
