package io.gordon.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the dead-letter file the core writes (core.dead_letter.path, one JSON object per line: id,
 * parkedAt, reason, phase, plugin, event, payload, history, attributes) back into events.
 */
final class DeadLetterFile {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DeadLetterFile() {}

  /**
   * One dead letter.
   *
   * @param line 1-based line in the file
   * @param id the message id
   * @param reason why it was dead-lettered
   * @param names the record names of its event (empty for undecodable input)
   * @param text what to submit again: the event's JSON, else the raw payload
   */
  record Letter(int line, String id, String reason, List<String> names, String text) {
    Letter {
      Objects.requireNonNull(id, "id == null");
      names = List.copyOf(names);
    }

    /** True when {@code reasonPart} is in the reason and {@code name} is one of the names. */
    boolean matches(Optional<String> reasonPart, Optional<String> name) {
      return reasonPart
              .map(r -> reason.toLowerCase(Locale.ROOT).contains(r.toLowerCase(Locale.ROOT)))
              .orElse(true)
          && name.map(n -> names.stream().anyMatch(x -> sameName(x, n))).orElse(true);
    }

    /**
     * The event as one JSON line for a running service, its id suffixed with {@code -replay} so
     * that the service does not take it for the dead-lettered one; raw payloads as they are.
     */
    String replayLine() {
      Optional<JsonNode> event = parse(text).filter(JsonNode::isObject);
      if (event.isEmpty() || names.isEmpty()) {
        return text;
      }
      ObjectNode o = (ObjectNode) event.get();
      o.put("id", (o.path("id").isTextual() ? o.path("id").asText() : id) + "-replay");
      return o.toString();
    }

    private static boolean sameName(String a, String b) {
      return strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String n) {
      return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }
  }

  /**
   * The letters of {@code text} when its first non-blank line is a dead letter; empty when the text
   * is something else (events). A later line that is not a dead letter is an error.
   *
   * @throws IllegalArgumentException naming the line and what is wrong with it
   */
  static Optional<List<Letter>> read(String text) {
    List<Letter> out = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      Optional<JsonNode> o = parse(lines[i]).filter(DeadLetterFile::isLetter);
      if (o.isEmpty()) {
        if (out.isEmpty()) {
          return Optional.empty();
        }
        throw new IllegalArgumentException(
            "line "
                + (i + 1)
                + " is not a dead letter (expected"
                + " a JSON object with id, parkedAt, reason and event or payload, as the others)");
      }
      out.add(letter(i + 1, o.get()));
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static Optional<JsonNode> parse(String line) {
    try {
      return Optional.of(JSON.readTree(line));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static boolean isLetter(JsonNode o) {
    return o.isObject()
        && o.path("id").isTextual()
        && o.path("parkedAt").isTextual()
        && o.path("reason").isTextual()
        && (o.has("event") || o.has("payload"));
  }

  private static Letter letter(int line, JsonNode o) {
    JsonNode event = o.path("event");
    List<String> names = new ArrayList<>();
    String text;
    if (event.isObject()) {
      JsonNode rr = event.path("resourceRecords");
      Iterable<JsonNode> records = rr.isArray() ? rr : List.of(rr);
      records.forEach(
          r -> {
            if (r.path("name").isTextual()) {
              names.add(r.path("name").asText());
            }
          });
      text = event.toString();
    } else {
      text =
          o.path("payload").isTextual()
              ? o.path("payload").asText()
              : event.isTextual() ? event.asText() : "";
    }
    return new Letter(line, o.path("id").asText(), o.path("reason").asText(), names, text);
  }
}
