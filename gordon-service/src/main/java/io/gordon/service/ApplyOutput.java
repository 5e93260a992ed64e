package io.gordon.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.HistoryEntry;
import io.gordon.api.plugin.Outcome;
import io.gordon.core.router.Settled;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON lines {@code gordon apply} prints: one per event. */
final class ApplyOutput {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ApplyOutput() {}

  static String settled(Settled s) {
    ObjectNode o =
        MAPPER.createObjectNode().put("id", s.messageId()).put("outcome", s.outcome().state());
    String reason =
        switch (s.outcome()) {
          case Outcome.Applied a -> "";
          case Outcome.Skipped k -> k.reason();
          case Outcome.DeadLettered d -> d.reason();
          case Outcome.Redeliver r -> r.reason();
        };
    if (!reason.isEmpty()) {
      o.put("reason", reason);
    }
    ArrayNode h = o.putArray("history");
    for (HistoryEntry e : s.history()) {
      h.addObject()
          .put("timestamp", e.timestamp().toString())
          .put("plugin", e.plugin())
          .put("message", e.message());
    }
    return write(o);
  }

  static String invalid(String id, List<String> problems) {
    ObjectNode o = MAPPER.createObjectNode().put("id", id).put("outcome", "invalid");
    problems.forEach(o.putArray("problems")::add);
    return write(o);
  }

  private static String write(ObjectNode o) {
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
