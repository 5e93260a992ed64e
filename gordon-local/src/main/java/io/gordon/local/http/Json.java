package io.gordon.local.http;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
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
   * {@code {"accepted":[ids]}} and a line break, as {@code ObjectNode.toString()} writes it: the
   * answer to almost every POST, written without building a tree.
   */
  static String accepted(List<String> ids) {
    StringBuilder sb = new StringBuilder(16 + 48 * ids.size()).append("{\"accepted\":[");
    for (int i = 0; i < ids.size(); i++) {
      string(sb.append(i == 0 ? "" : ","), ids.get(i));
    }
    return sb.append("]}\n").toString();
  }

  /**
   * The answer to a POST that has errors or waited ({@code ?wait=true}) and a line break: {@code
   * {"errors":[...],"accepted":[ids],"results":[statuses],"waited":"..."}}, each part only when
   * present, exactly as the {@code ObjectNode} of these parts would print. Written straight from
   * the statuses: a tree of nodes per event and history entry cost more than the rest of the
   * answer.
   */
  static String answer(ArrayNode errors, List<String> accepted, Optional<Waiter.Results> waited) {
    StringBuilder sb = new StringBuilder(size(accepted, waited)).append('{');
    if (!errors.isEmpty()) {
      sb.append("\"errors\":").append(errors).append(',');
    }
    sb.append("\"accepted\":[");
    for (int i = 0; i < accepted.size(); i++) {
      string(sb.append(i == 0 ? "" : ","), accepted.get(i));
    }
    sb.append(']');
    if (waited.isPresent()) {
      Waiter.Results w = waited.get();
      sb.append(",\"results\":[");
      for (int i = 0; i < w.ids().size(); i++) {
        Optional<StatusTracker.Status> s = w.statuses().get(i);
        sb.append(i == 0 ? "" : ",");
        if (s.isPresent()) {
          status(sb, w.ids().get(i), s.get());
        } else {
          string(sb.append("{\"id\":"), w.ids().get(i)).append(",\"state\":\"unknown\"}");
        }
      }
      sb.append(']');
      w.timedOut().ifPresent(t -> string(sb.append(",\"waited\":"), t));
    }
    return sb.append("}\n").toString();
  }

  /**
   * About the answer's length, a little over when nothing needs escaping: a builder that has to
   * grow copies the whole answer (~650 characters per event of four history entries) each time.
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

  /** One event's status and a line break, for {@code GET /v1/events/{id}}. */
  static String status(String id, StatusTracker.Status s) {
    StringBuilder sb = new StringBuilder(size(s));
    status(sb, id, s);
    return sb.append('\n').toString();
  }

  private static void status(StringBuilder sb, String id, StatusTracker.Status s) {
    string(sb.append("{\"id\":"), id);
    string(sb.append(",\"state\":"), s.state());
    if (!s.reason().isEmpty()) {
      string(sb.append(",\"reason\":"), s.reason());
    }
    sb.append(",\"updated\":\"");
    IsoInstant.append(s.updated(), sb);
    sb.append("\",\"history\":[");
    List<HistoryEntry> history = s.history();
    for (int i = 0; i < history.size(); i++) {
      HistoryEntry e = history.get(i);
      sb.append(i == 0 ? "{\"timestamp\":\"" : ",{\"timestamp\":\"");
      IsoInstant.append(e.timestamp(), sb);
      string(sb.append("\",\"plugin\":"), e.plugin());
      string(sb.append(",\"message\":"), e.message()).append('}');
    }
    sb.append("]}");
  }

  /** {@code text} as a JSON string, escaped as Jackson's generator escapes it. */
  private static StringBuilder string(StringBuilder sb, String text) {
    sb.append('"');
    JsonStringEncoder.getInstance().quoteAsString(text, sb);
    return sb.append('"');
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
