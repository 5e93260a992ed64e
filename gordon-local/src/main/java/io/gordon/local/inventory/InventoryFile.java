package io.gordon.local.inventory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gordon.api.model.RecordSet;
import io.gordon.api.model.RecordType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Reads one inventory file: a JSON array of {@code {"name", "type", "ttl", "rrdatas"}}. Every
 * problem is reported as {@code file: [index].field: what is wrong (what was expected)}.
 */
final class InventoryFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SHAPE =
      "{\"name\": \"www.example.com.\", \"type\": \"A\","
          + " \"ttl\": 300, \"rrdatas\": [\"192.0.2.1\"]}";

  /**
   * A record set and where it was written.
   *
   * @param records the record set
   * @param where {@code file: [index]}
   */
  record Entry(RecordSet records, String where) {}

  private InventoryFile() {}

  static List<Entry> read(Path file, List<String> problems) {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      problems.add(
          file
              + ":"
              + e.getLocation().getLineNr()
              + ":"
              + e.getLocation().getColumnNr()
              + ": not JSON: "
              + e.getOriginalMessage());
      return List.of();
    } catch (IOException e) {
      problems.add(file + ": cannot read: " + e.getMessage());
      return List.of();
    }
    if (root == null || !root.isArray()) {
      problems.add(file + ": expected a JSON array of record sets such as [" + SHAPE + "]");
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      String where = file + ": [" + i + "]";
      int before = problems.size();
      RecordSet r = entry(root.get(i), where, problems);
      if (r != null && problems.size() == before) {
        out.add(new Entry(r, where));
      }
    }
    return out;
  }

  private static RecordSet entry(JsonNode n, String where, List<String> problems) {
    if (!n.isObject()) {
      problems.add(where + ": " + n + " is not an object (expected " + SHAPE + ")");
      return null;
    }
    String name = text(n, "name", where, problems);
    String typeText = text(n, "type", where, problems);
    RecordType type = null;
    if (typeText != null) {
      try {
        type = RecordType.parse(typeText);
      } catch (IllegalArgumentException e) {
        problems.add(where + ".type: " + e.getMessage());
      }
    }
    OptionalInt ttl = ttl(n.get("ttl"), where, problems);
    List<String> rdata = rdata(n.get("rrdatas"), where, problems);
    if (name == null || type == null || rdata == null) {
      return null;
    }
    try {
      return new RecordSet(name, type, ttl, rdata);
    } catch (IllegalArgumentException e) {
      problems.add(where + ": " + e.getMessage());
      return null;
    }
  }

  private static String text(JsonNode n, String field, String where, List<String> problems) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.textValue().isBlank()) {
      problems.add(
          where
              + "."
              + field
              + ": "
              + (v == null ? "missing" : v + " is not a" + " non-empty string")
              + " (expected e.g. "
              + SHAPE
              + ")");
      return null;
    }
    return v.textValue();
  }

  private static OptionalInt ttl(JsonNode v, String where, List<String> problems) {
    if (v == null || v.isNull()) {
      return OptionalInt.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt() || v.intValue() < 0) {
      problems.add(
          where
              + ".ttl: "
              + v
              + " is not a TTL (expected an integer 0.."
              + RecordSet.MAX_TTL
              + ", or no ttl for the provider's default)");
      return OptionalInt.empty();
    }
    return OptionalInt.of(v.intValue());
  }

  private static List<String> rdata(JsonNode v, String where, List<String> problems) {
    if (v == null || !v.isArray() || v.isEmpty()) {
      problems.add(
          where
              + ".rrdatas: "
              + (v == null ? "missing" : v + " is not a non-empty" + " array")
              + " (expected e.g. [\"192.0.2.1\"])");
      return null;
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        problems.add(where + ".rrdatas[" + i + "]: " + v.get(i) + " is not a string");
        return null;
      }
      out.add(v.get(i).textValue());
    }
    return out;
  }
}
