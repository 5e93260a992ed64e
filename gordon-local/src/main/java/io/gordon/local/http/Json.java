package io.gordon.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.gordon.api.model.HistoryEntry;
import java.io.IOException;
import java.io.OutputStream;

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
      h.addObject().put("timestamp", e.timestamp().toString()).put("plugin", e.plugin())
          .put("message", e.message());
    }
    return o;
  }

  static void send(HttpExchange ex, int status, ObjectNode body) throws IOException {
    byte[] bytes = (MAPPER.writeValueAsString(body) + "\n").getBytes(
        java.nio.charset.StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }
}
