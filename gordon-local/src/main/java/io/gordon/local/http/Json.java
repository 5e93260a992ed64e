package io.gordon.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.HistoryEntry;
import java.io.IOException;

/** JSON answers of {@code local.http}. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  static ObjectNode status(String id, StatusTracker.Status s) {
    ObjectNode o = MAPPER.createObjectNode().put("id", id).put("state", s.state());
    if (!s.reason().isEmpty()) {
      o.put("reason", s.reason());
    }
    o.put("updated", s.updated().toString());
    ArrayNode h = o.putArray("history");
    for (HistoryEntry e : s.history()) {
      h.addObject()
          .put("timestamp", e.timestamp().toString())
          .put("plugin", e.plugin())
          .put("message", e.message());
    }
    return o;
  }

  /**
   * Describes an id accepted earlier with other content: both contents, as JSON when they parse
   * (they are the codec's own encoding, so they do).
   */
  static void conflict(ObjectNode err, String id, String earlier, String now) {
    err.put("id", id);
    err.putArray("problems")
        .add(
            "id \""
                + id
                + "\" was already accepted with different"
                + " content: earlier "
                + earlier
                + ", now "
                + now
                + " (use a new id for a new event;"
                + " the same id with the same content is accepted again as a retry)");
    err.set("earlier", parse(earlier));
    err.set("now", parse(now));
  }

  private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      return MAPPER.getNodeFactory().textNode(json);
    }
  }
}
