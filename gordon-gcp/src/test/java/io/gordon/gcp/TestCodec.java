package io.gordon.gcp;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gordon.api.InvalidEventException;
import io.gordon.api.model.Action;
import io.gordon.api.model.DnsEvent;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import io.gordon.api.plugin.Decoded;
import io.gordon.api.plugin.EventCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A small stand-in for the core's event codec (issue 4): generic events with one record object and
 * GCE audit-log entries. Enough for the plugin tests; not the real validation.
 */
public final class TestCodec implements EventCodec {
  @Override
  public DnsEvent decode(String json) {
    JsonObject o;
    try {
      o = JsonParser.parseString(json).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new InvalidEventException("body is not a JSON object: " + e.getMessage());
    }
    if (o.has("protoPayload")) {
      JsonObject p = o.getAsJsonObject("protoPayload");
      String method = p.get("methodName").getAsString();
      Action a =
          method.endsWith("compute.instances.insert")
              ? Action.ADDITIONS
              : method.endsWith("compute.instances.delete") ? Action.DELETIONS : null;
      if (a == null) {
        throw new InvalidEventException(
            "protoPayload.methodName \"" + method + "\" is not an instance insert or delete");
      }
      return new DnsEvent(
          Optional.empty(),
          a,
          Optional.of(Instant.parse(o.get("timestamp").getAsString())),
          List.of(),
          Optional.of(p.get("resourceName").getAsString()),
          "audit-log");
    }
    if (!o.has("action") || !o.has("resourceRecords")) {
      throw new InvalidEventException(
          "action: missing (expected \"additions\" or " + "\"deletions\")");
    }
    JsonObject r = o.getAsJsonObject("resourceRecords");
    List<String> data = new ArrayList<>();
    r.getAsJsonArray("rrdatas").forEach(d -> data.add(d.getAsString()));
    RecordSet rs =
        new RecordSet(
            r.get("name").getAsString(),
            RecordType.parse(r.get("type").getAsString()),
            r.has("ttl") ? OptionalInt.of(r.get("ttl").getAsInt()) : OptionalInt.empty(),
            data);
    return new DnsEvent(
        o.has("id") ? Optional.of(o.get("id").getAsString()) : Optional.empty(),
        Action.parse(o.get("action").getAsString()),
        Optional.empty(),
        List.of(rs),
        Optional.empty(),
        "event");
  }

  @Override
  public List<Decoded> decodeAll(String body) {
    return List.of(new Decoded(0, body, Optional.of(decode(body)), List.of()));
  }

  @Override
  public String encode(DnsEvent event) {
    JsonObject o = new JsonObject();
    o.addProperty("action", event.action().wireName());
    event.timestamp().ifPresent(t -> o.addProperty("timestamp", t.toString()));
    JsonArray records = new JsonArray();
    for (RecordSet r : event.records()) {
      JsonObject j = new JsonObject();
      j.addProperty("name", r.name());
      j.addProperty("type", r.type().name());
      r.ttl().ifPresent(t -> j.addProperty("ttl", t));
      JsonArray d = new JsonArray();
      r.rdata().forEach(d::add);
      j.add("rrdatas", d);
      records.add(j);
    }
    o.add("resourceRecords", records);
    event.resourceName().ifPresent(n -> o.addProperty("resourceName", n));
    return o.toString();
  }

  /** Parses JSON, for tests. */
  public static JsonElement json(String s) {
    return JsonParser.parseString(s);
  }
}
