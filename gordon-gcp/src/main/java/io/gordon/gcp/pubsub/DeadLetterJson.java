package io.gordon.gcp.pubsub;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.DeadLetter;
import io.gordon.api.plugin.EventCodec;

/**
 * The JSON document of a dead letter, as the core's JSON-lines sink writes it: message id, when and
 * why it was parked, phase and plugin, the event (as the generic event JSON, replayable) or the raw
 * payload, the history and the source attributes.
 */
final class DeadLetterJson {
  private DeadLetterJson() {}

  static String encode(DeadLetter l, EventCodec codec) {
    JsonObject o = new JsonObject();
    o.addProperty("messageId", l.messageId());
    o.addProperty("parkedAt", l.parkedAt().toString());
    o.addProperty("reason", l.reason());
    o.addProperty("phase", l.phase());
    o.addProperty("plugin", l.plugin());
    l.event().ifPresent(e -> o.add("event", JsonParser.parseString(codec.encode(e))));
    l.payload().ifPresent(p -> o.addProperty("payload", p));
    JsonArray history = new JsonArray();
    for (HistoryEntry h : l.history()) {
      JsonObject e = new JsonObject();
      e.addProperty("timestamp", h.timestamp().toString());
      e.addProperty("plugin", h.plugin());
      e.addProperty("message", h.message());
      history.add(e);
    }
    o.add("history", history);
    JsonObject attrs = new JsonObject();
    l.attributes().forEach(attrs::addProperty);
    o.add("attributes", attrs);
    return o.toString();
  }
}
