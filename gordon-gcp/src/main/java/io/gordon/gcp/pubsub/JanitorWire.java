package io.gordon.gcp.pubsub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The janitor's Pub/Sub message, in the original gordon-janitor's wire format (gordon.md 2.12.4):
 * {@code {"action", "resourceRecords": {"name", "type", "ttl", "rrdatas", "kind":
 * "dns#resourceRecordSet"}, "timestamp"}} with one record set per message and a naive UTC
 * timestamp, so the original gordon service reads it too. Two additions, ignored by the original
 * (its schema allowed extra fields): {@code id} (gordon's idempotency key) and {@code
 * resourceRecords.expected} (the compare-and-swap extension).
 */
final class JanitorWire {
  private static final DateTimeFormatter NAIVE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private JanitorWire() {}

  static String encode(DnsEvent e) {
    if (e.records().size() != 1) {
      throw new IllegalArgumentException(
          "a janitor message carries one record set, not " + e.records().size());
    }
    RecordSet r = e.records().get(0);
    JsonObject o = new JsonObject();
    e.id().ifPresent(id -> o.addProperty("id", id));
    o.addProperty("action", e.action().wireName());
    JsonObject rr = new JsonObject();
    rr.addProperty("name", r.name());
    rr.addProperty("type", r.type().name());
    r.ttl().ifPresent(t -> rr.addProperty("ttl", t));
    JsonArray rd = new JsonArray();
    r.rdata().forEach(rd::add);
    rr.add("rrdatas", rd);
    rr.addProperty("kind", "dns#resourceRecordSet");
    e.expectedFor(r)
        .ifPresent(
            x -> {
              JsonArray ex = new JsonArray();
              x.forEach(ex::add);
              rr.add("expected", ex);
            });
    o.add("resourceRecords", rr);
    e.timestamp().ifPresent(t -> o.addProperty("timestamp", NAIVE.format(t)));
    return o.toString();
  }
}
