package io.gordon.local.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.HistoryEntry;
import java.io.IOException;
import java.util.List;

/** JSON answers of {@code local.http}. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  /**
   * {@code {"accepted":[ids]}} and a line break, as {@code ObjectNode.toString()} writes it: the
   * answer to almost every POST, written without building a tree.
   */
  static String accepted(List<String> ids) {
    StringBuilder sb = new StringBuilder(16 + 48 * ids.size()).append("{\"accepted\":[");
    for (int i = 0; i < ids.size(); i++) {
      sb.append(i == 0 ? "\"" : ",\"");
      JsonStringEncoder.getInstance().quoteAsString(ids.get(i), sb);
      sb.append('"');
    }
    return sb.append("]}\n").toString();
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
