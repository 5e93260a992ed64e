package io.gordon.local.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gordon.api.model.HistoryEntry;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** JSON answers of {@code local.http}. */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode error(String message) {
    return MAPPER.createObjectNode().put("error", message);
  }

  /**
   * {@code {"accepted":[ids]}} and a line break, as {@code ObjectNode.toString()} writes it, in
   * UTF-8: the answer to almost every POST, written without building a tree.
   */
  static JsonBytes accepted(List<String> ids) {
    JsonBytes out = new JsonBytes(16 + 48 * ids.size()).ascii("{\"accepted\":[");
    for (int i = 0; i < ids.size(); i++) {
      (i == 0 ? out : out.ascii(',')).string(ids.get(i));
    }
    return out.ascii("]}\n");
  }

  /**
   * The answer to a POST that has errors or waited ({@code ?wait=true}) and a line break, in UTF-8:
   * {@code {"errors":[...],"accepted":[ids],"results":[statuses],"waited":"..."}}, each part only
   * when present, exactly as the {@code ObjectNode} of these parts would print. Written straight
   * from the statuses: a tree of nodes per event and history entry cost more than the rest of the
   * answer.
   */
  static JsonBytes answer(
      ArrayNode errors, List<String> accepted, Optional<Waiter.Results> waited) {
    JsonBytes out = new JsonBytes(size(accepted, waited)).ascii('{');
    if (!errors.isEmpty()) {
      out.ascii("\"errors\":").utf8(errors.toString()).ascii(',');
    }
    out.ascii("\"accepted\":[");
    for (int i = 0; i < accepted.size(); i++) {
      (i == 0 ? out : out.ascii(',')).string(accepted.get(i));
    }
    out.ascii(']');
    if (waited.isPresent()) {
      Waiter.Results w = waited.get();
      out.ascii(",\"results\":[");
      for (int i = 0; i < w.ids().size(); i++) {
        Optional<StatusTracker.Status> s = w.statuses().get(i);
        if (i > 0) {
          out.ascii(',');
        }
        if (s.isPresent()) {
          status(out, w.ids().get(i), s.get());
        } else {
          out.ascii("{\"id\":").string(w.ids().get(i)).ascii(",\"state\":\"unknown\"}");
        }
      }
      out.ascii(']');
      w.timedOut().ifPresent(t -> out.ascii(",\"waited\":").string(t));
    }
    return out.ascii("}\n");
  }

  /**
   * About the answer's length, a little over when nothing needs escaping: a buffer that has to grow
   * copies the whole answer (~650 octets per event of four history entries) each time.
   */
  private static int size(List<String> accepted, Optional<Waiter.Results> waited) {
    int n = 64 + 48 * accepted.size();
    if (waited.isPresent()) {
      for (Optional<StatusTracker.Status> s : waited.get().statuses()) {
        n += s.isEmpty() ? 80 : size(s.get());
      }
    }
    return n;
  }

  private static int size(StatusTracker.Status s) {
    int n = 160 + s.state().length() + s.reason().length();
    for (HistoryEntry e : s.history()) {
      n += 72 + e.plugin().length() + e.message().length();
    }
    return n;
  }

  /** One event's status and a line break in UTF-8, for {@code GET /v1/events/{id}}. */
  static JsonBytes status(String id, StatusTracker.Status s) {
    JsonBytes out = new JsonBytes(size(s));
    status(out, id, s);
    return out.ascii('\n');
  }

  private static void status(JsonBytes out, String id, StatusTracker.Status s) {
    out.ascii("{\"id\":").string(id).ascii(",\"state\":").string(s.state());
    if (!s.reason().isEmpty()) {
      out.ascii(",\"reason\":").string(s.reason());
    }
    out.ascii(",\"updated\":\"");
    IsoInstant.append(s.updated(), out);
    out.ascii("\",\"history\":[");
    List<HistoryEntry> history = s.history();
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry e = history.get(i);
      out.ascii(i == 0 ? "{\"timestamp\":\"" : ",{\"timestamp\":\"");
      IsoInstant.append(e.timestamp(), out);
      out.ascii("\",\"plugin\":").string(e.plugin());
      out.ascii(",\"message\":").string(e.message()).ascii('}');
    }
    out.ascii("]}");
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
